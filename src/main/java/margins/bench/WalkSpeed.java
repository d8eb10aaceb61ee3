package margins.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import margins.engine.Engines;
import margins.image.Images;
import margins.network.Generative;
import margins.network.Vae;
import margins.network.LayerHook;
import margins.network.VaeConfig;
import margins.walk.AnimationWriters;
import margins.walk.FrameRenderer;
import margins.walk.NoiseLoop;

/** Times a walk's frames on a randomly initialised default VAE: batched rendering, one frame alone, and where the time goes. */
public final class WalkSpeed {

  /**
   * The figures.
   *
   * @param size image side
   * @param frames frames rendered
   * @param batch frames per batch
   * @param threads the engine's intra-op threads during the run
   * @param framesPerSec batched rendering, decode and conversion to images together
   * @param oneFrameMs median time for one frame decoded alone and converted
   * @param decodeMsPerFrame of the batched time: the network, per frame
   * @param convertMsPerFrame of the batched time: tensor to 8-bit image, per frame
   * @param gifMsPerFrame encoding the frames as a GIF afterwards, per frame
   */
  public record Figures(int size, int frames, int batch, int threads, double framesPerSec, double oneFrameMs,
      double decodeMsPerFrame, double convertMsPerFrame, double gifMsPerFrame) {}

  private WalkSpeed() {}

  /**
   * Renders a noise loop of `frames` frames at `size`, after a warm-up, and times its parts; threads &gt; 0
   * sets the engine's intra-op threads first (on a busy machine one thread can be several times faster).
   */
  public static Figures run(int size, int frames, int batch, int threads, Device device) {
    Engines.engine().setRandomSeed(0);
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    try (Generative vae = Vae.create(VaeConfig.defaults(size), device, 0).forGeneration()) {
      int l = vae.config().latent();
      float[][] latents = new NoiseLoop(l, 0, frames, 1.0, null).latents();
      List<List<JsonNode>> ops = Collections.nCopies(frames, List.of());
      FrameRenderer.render(vae, Arrays.copyOf(latents, Math.min(frames, 2 * batch)),
          ops.subList(0, Math.min(frames, 2 * batch)), batch);
      long t0 = System.nanoTime();
      List<BufferedImage> images = FrameRenderer.render(vae, latents, ops, batch);
      double total = (System.nanoTime() - t0) / 1e9;
      double[] parts = parts(vae, latents, batch);
      double[] one = new double[100];
      for (int i = 0; i < one.length; i++) {
        long s = System.nanoTime();
        FrameRenderer.render(vae, new float[][] {latents[i % frames]}, List.of(List.of()), 1);
        one[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(one);
      double gif = gifMs(images);
      return new Figures(size, frames, batch, JniUtils.getNumThreads(), frames / total, one[one.length / 2], parts[0] / frames,
          parts[1] / frames, gif / frames);
    }
  }

  /** Milliseconds in the network (to float arrays) and in conversion to images, over all batches. */
  private static double[] parts(Generative vae, float[][] latents, int batch) {
    int l = latents[0].length;
    double decode = 0;
    double convert = 0;
    for (int start = 0; start < latents.length; start += batch) {
      int b = Math.min(batch, latents.length - start);
      float[] z = new float[b * l];
      for (int i = 0; i < b; i++) {
        System.arraycopy(latents[start + i], 0, z, i * l, l);
      }
      try (NDManager m = vae.manager().newSubManager()) {
        long s = System.nanoTime();
        NDArray img = vae.decode(m.create(z, new Shape(b, l)), LayerHook.NONE);
        float[] v = img.toFloatArray();
        long t = System.nanoTime();
        int r = vae.config().resolution();
        for (int i = 0; i < b; i++) {
          Images.fromChw(v, i * 3 * r * r, r, r);
        }
        decode += (t - s) / 1e6;
        convert += (System.nanoTime() - t) / 1e6;
      }
    }
    return new double[] {decode, convert};
  }

  private static double gifMs(List<BufferedImage> images) {
    try {
      Path tmp = Files.createTempFile("margins-walk-bench", ".gif");
      try {
        long s = System.nanoTime();
        AnimationWriters.forFormat("gif").write(images, 24, tmp);
        return (System.nanoTime() - s) / 1e6;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

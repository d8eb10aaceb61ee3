package margins.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import margins.archive.TrainingSet;
import margins.engine.ConvPath;
import margins.engine.Engines;
import margins.network.Generative;
import margins.network.Vae;
import margins.network.LayerHook;
import margins.network.VaeConfig;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;

/** Measures training and decoding speed and peak memory of the default VAE at one resolution. */
public final class Speed {

  /**
   * The figures for one resolution.
   *
   * @param size image side
   * @param trainImgPerSec training images per second, batch 64, after warm-up
   * @param decodeImgPerSec decoded images per second in batches of 64
   * @param decodeOneMs median time to decode one image alone, in milliseconds
   * @param peakRssMb the process's peak resident memory (VmHWM) at the end of training, in MB
   * @param convPath the convolution path training used (oneDNN, or ATen's where the self-check sent it)
   */
  public record Figures(int size, double trainImgPerSec, double decodeImgPerSec, double decodeOneMs, double peakRssMb,
      String convPath) {}

  private Speed() {}

  /** Trains `steps` steps (after `warmup` untimed ones) in a scratch studio, then times decoding. */
  public static Figures run(int size, int steps, int warmup, Path scratch, Device device) {
    TrainingSet set = syntheticSet(size, 512);
    TrainConfig base = TrainConfig.defaults();
    TrainConfig c = new TrainConfig(warmup + steps, 64, base.learningRate(), base.beta(), base.klWarmup(), false, 0,
        base.gradClip(), 1_000_000, 1_000_000, 1_000_000, base.latent(), base.width(), 0.0);
    PrintWriter quiet = new PrintWriter(PrintWriter.nullWriter());
    // Two runs: the first warms the engine up; the second's speed is timed over its steps alone.
    Training.start(scratch.resolve("warm"), set, Training.resolve(set, c.withSteps(warmup), device, "bench"), device, quiet, false);
    TrainResult timed = Training.start(scratch.resolve("timed"), set, Training.resolve(set, c.withSteps(steps), device, "bench"),
        device, quiet, false);
    double trainingPeak = peakRssMb();
    String path = ConvPath.of(device).id();
    Engines.engine().setRandomSeed(0);
    try (Generative vae = Vae.create(VaeConfig.defaults(size), device, 0).forGeneration();
        NDManager m = vae.manager().newSubManager()) {
      NDArray z = m.randomNormal(new Shape(64, base.latent()));
      for (int i = 0; i < 3; i++) {
        decode(vae, z);
      }
      int reps = 20;
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        decode(vae, z);
      }
      double batchRate = reps * 64 / ((System.nanoTime() - t0) / 1e9);
      NDArray one = z.get("0:1");
      double[] ms = new double[200];
      for (int i = 0; i < ms.length; i++) {
        long s = System.nanoTime();
        decode(vae, one);
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(ms);
      return new Figures(size, timed.imgPerSec(), batchRate, ms[ms.length / 2], trainingPeak, path);
    }
  }

  /** Decodes to floats as generation does, freeing the intermediate maps at once (they attach to z's manager). */
  private static void decode(Generative vae, NDArray z) {
    try (NDScope scope = new NDScope()) {
      vae.decode(z, LayerHook.NONE).toFloatArray();
    }
  }

  /** Coloured discs and bars on white: images with edges, so the work is that of real images. */
  public static TrainingSet syntheticSet(int size, int n) {
    byte[] px = new byte[n * size * size * 3];
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      int cx = r.nextInt(size);
      int cy = r.nextInt(size);
      int rad = 2 + r.nextInt(size / 3);
      int rgb = r.nextInt(1 << 24);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean in = (x - cx) * (x - cx) + (y - cy) * (y - cy) < rad * rad;
          for (int ch = 0; ch < 3; ch++) {
            px[((i * size + y) * size + x) * 3 + ch] = (byte) (in ? (rgb >> (8 * ch)) & 0xff : 255);
          }
        }
      }
    }
    return new TrainingSet(px, n, size, "bench-" + size);
  }

  /** Peak resident set size of this process (Linux VmHWM), or NaN where /proc is absent. */
  public static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}

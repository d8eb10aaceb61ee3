package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.archive.TrainingSet;
import margins.image.ContactSheet;
import margins.image.Images;
import margins.image.Png;
import margins.network.CodeDensity;
import margins.network.Generative;
import margins.network.Latents;
import margins.network.LayerHook;
import margins.network.Vae;

/** The sheets a run writes as it trains: samples from fixed seeds, and archive images beside their reconstructions. */
public final class Sheets {

  /** Seeds of the sample sheet, the same for every run so runs can be compared. */
  public static final int SAMPLE_SEEDS = 64;
  private static final int RECON_PAIRS = 32;

  private Sheets() {}

  /** Decodes seeds 0..63 at psi 1 and writes them as one sheet. */
  public static Path samples(Vae vae, Path file) {
    int l = vae.config().latent();
    float[] z = new float[SAMPLE_SEEDS * l];
    for (int s = 0; s < SAMPLE_SEEDS; s++) {
      System.arraycopy(Latents.gaussian(s, l), 0, z, s * l, l);
    }
    // A scope: decoding during training computes the stages' phase kernels on the weights' own manager.
    try (NDScope scope = new NDScope(); NDManager m = vae.manager().newSubManager()) {
      NDArray images = vae.decode(m.create(z, new Shape(SAMPLE_SEEDS, l)), LayerHook.NONE);
      Png.write(file, ContactSheet.of(Images.fromBatch(images), 8, 64));
    }
    return file;
  }

  /** Dreams of seeds 0..63 at psi 1: the density's codes, decoded, as one sheet. */
  public static Path dreams(Generative net, CodeDensity density, Path file) {
    int l = density.latent();
    float[][] noise = new float[SAMPLE_SEEDS][];
    for (int s = 0; s < SAMPLE_SEEDS; s++) {
      noise[s] = Latents.gaussian(s, l);
    }
    float[][] codes = density.dream(noise, 1.0);
    float[] z = new float[SAMPLE_SEEDS * l];
    for (int s = 0; s < SAMPLE_SEEDS; s++) {
      System.arraycopy(codes[s], 0, z, s * l, l);
    }
    try (NDScope scope = new NDScope(); NDManager m = net.manager().newSubManager()) {
      NDArray images = net.decode(m.create(z, new Shape(SAMPLE_SEEDS, l)), LayerHook.NONE);
      Png.write(file, ContactSheet.of(Images.fromBatch(images), 8, 64));
    }
    return file;
  }

  /** Archive images (left) beside their reconstructions from the posterior mean (right), in pairs. */
  public static Path reconstructions(Generative vae, TrainingSet set, Path file) {
    int n = Math.min(RECON_PAIRS, set.count());
    int r = set.size();
    float[] x = new float[n * 3 * r * r];
    for (int i = 0; i < n; i++) {
      // Spread over the archive rather than its first files, which are often one family.
      set.copyChw((int) ((long) i * set.count() / n), x, i * 3 * r * r, false);
    }
    try (NDScope scope = new NDScope(); NDManager m = vae.manager().newSubManager()) {
      NDArray input = m.create(x, new Shape(n, 3, r, r));
      NDArray mu = vae.posterior(input, false).get(0);
      List<BufferedImage> originals = Images.fromBatch(input);
      List<BufferedImage> recons = Images.fromBatch(vae.decode(mu, LayerHook.NONE));
      List<BufferedImage> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pairs.add(originals.get(i));
        pairs.add(recons.get(i));
      }
      Png.write(file, ContactSheet.of(pairs, 8, 64));
    }
    return file;
  }
}

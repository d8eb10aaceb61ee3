package margins.sample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import margins.archive.TrainingSet;
import margins.math.VectorMath;
import margins.measure.PixelStructure;
import margins.network.Generative;
import margins.network.LayerHook;

/**
 * Judges decoded images in the network-independent pixel-structure space: their distance from the archive, and a
 * structure score.
 *
 * <p>Structure score: an image's gradient energy (mean Sobel magnitude of its luma, values in [0, 1]) compared with
 * the archive's: 1 inside the range from the archive's 5th to 95th percentile, falling as {@code exp(-d / w)}
 * outside it, where d is how far outside and w the range's width. A flat field scores near 0 from below and 8-bit
 * noise (far more edges than any drawing) from above, so a search rewarded by novelty times structure leaves the
 * archive without dissolving into either.
 */
final class PixelJudge {

  private static final PixelStructure SPACE = new PixelStructure();

  private final float[][] archive;
  private final double low;
  private final double high;
  private final int size;

  private PixelJudge(float[][] archive, double low, double high, int size) {
    this.archive = archive;
    this.low = low;
    this.high = high;
    this.size = size;
  }

  /** The judge of a context's training split, made once per context. */
  static PixelJudge of(SamplerContext ctx) {
    return ctx.cached("pixel-judge", () -> of(ctx.archive().subset(ctx.trainIndices())));
  }

  static PixelJudge of(TrainingSet set) {
    int r = set.size();
    List<float[]> images = new ArrayList<>();
    double[] energy = new double[set.count()];
    for (int i = 0; i < set.count(); i++) {
      float[] x = new float[3 * r * r];
      set.copyChw(i, x, 0, false);
      images.add(x);
      energy[i] = gradientEnergy(x, r);
    }
    Arrays.sort(energy);
    double lo = energy[(int) Math.floor(0.05 * (energy.length - 1))];
    double hi = energy[(int) Math.ceil(0.95 * (energy.length - 1))];
    return new PixelJudge(SPACE.embed(images, r), lo, hi, r);
  }

  /** Features of images (3, R, R) in [0, 1]. */
  float[][] embed(List<float[]> images) {
    return SPACE.embed(images, size);
  }

  /** Mean distance from f to its k nearest among the archive and the extra points. */
  double novelty(float[] f, List<float[]> extra, int k) {
    int n = archive.length + extra.size();
    double[] d = new double[n];
    for (int i = 0; i < archive.length; i++) {
      d[i] = Math.sqrt(VectorMath.squaredDistance(f, archive[i]));
    }
    for (int i = 0; i < extra.size(); i++) {
      d[archive.length + i] = Math.sqrt(VectorMath.squaredDistance(f, extra.get(i)));
    }
    Arrays.sort(d);
    int kk = Math.min(k, n);
    double s = 0;
    for (int i = 0; i < kk; i++) {
      s += d[i];
    }
    return s / kk;
  }

  /** 1 inside the archive's gradient-energy range, exp(-d / width) outside it. */
  double structure(float[] image) {
    double g = gradientEnergy(image, size);
    double w = Math.max(1e-6, high - low);
    double d = g < low ? low - g : g > high ? g - high : 0;
    return Math.exp(-d / w);
  }

  /** Mean Sobel gradient magnitude of the Rec. 709 luma of an image (3, R, R), borders replicated. */
  static double gradientEnergy(float[] x, int r) {
    int plane = r * r;
    float[] l = new float[plane];
    for (int p = 0; p < plane; p++) {
      l[p] = 0.2126f * x[p] + 0.7152f * x[plane + p] + 0.0722f * x[2 * plane + p];
    }
    double sum = 0;
    for (int y = 0; y < r; y++) {
      for (int xx = 0; xx < r; xx++) {
        double gx = at(l, r, xx + 1, y - 1) + 2 * at(l, r, xx + 1, y) + at(l, r, xx + 1, y + 1)
            - at(l, r, xx - 1, y - 1) - 2 * at(l, r, xx - 1, y) - at(l, r, xx - 1, y + 1);
        double gy = at(l, r, xx - 1, y + 1) + 2 * at(l, r, xx, y + 1) + at(l, r, xx + 1, y + 1)
            - at(l, r, xx - 1, y - 1) - 2 * at(l, r, xx, y - 1) - at(l, r, xx + 1, y - 1);
        sum += Math.sqrt(gx * gx + gy * gy) / 8;
      }
    }
    return sum / plane;
  }

  private static float at(float[] l, int r, int x, int y) {
    return l[Math.max(0, Math.min(r - 1, y)) * r + Math.max(0, Math.min(r - 1, x))];
  }

  /**
   * Decodes latents in one batch, for judging only: batched decoding may differ from the single decode an output
   * gets in the last bit, which a search does not care about. Returns images (3, R, R) in [0, 1].
   */
  static List<float[]> decode(Generative vae, List<float[]> latents) {
    int l = vae.config().latent();
    int b = latents.size();
    float[] flat = new float[b * l];
    for (int i = 0; i < b; i++) {
      System.arraycopy(latents.get(i), 0, flat, i * l, l);
    }
    try (NDManager m = vae.manager().newSubManager()) {
      NDArray img = vae.decode(m.create(flat, new Shape(b, l)), LayerHook.NONE); // (B, 3, R, R)
      float[] v = img.toFloatArray();
      int per = v.length / b;
      List<float[]> out = new ArrayList<>(b);
      for (int i = 0; i < b; i++) {
        out.add(Arrays.copyOfRange(v, i * per, (i + 1) * per));
      }
      return out;
    }
  }
}

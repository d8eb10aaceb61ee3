package margins.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The archive's own tolerance in a feature space: the median distance between archive images and their light
 * variants ({@link Variants#light}: a one-pixel blur at 64 px, a one-pixel shift, a slight recolouring, half
 * resolution and back). Two images closer than this are the same picture as far as the space can tell: the
 * threshold of a copy, and the margin every archive ball is widened by.
 */
public final class Tolerance {

  /** Archive images sampled, evenly spaced. */
  public static final int SAMPLE = 512;

  /** Seed of the recolourings: fixed, so an archive always gets the same tolerance. */
  static final long SEED = 7L;

  /** Images embedded per block. */
  private static final int BLOCK = 128;

  private Tolerance() {}

  /** The tolerance of {@code count} archive images (image(i), side {@code size}) in {@code space}. */
  public static double calibrate(FeatureSpace space, IntFunction<float[]> image, int count, int size) {
    return median(distances(space, image, count, size));
  }

  /** Each sampled image's distance to its light variant, in sample order. */
  public static double[] distances(FeatureSpace space, IntFunction<float[]> image, int count, int size) {
    if (count < 1) {
      throw new IllegalArgumentException("a tolerance needs archive images, got none");
    }
    int n = Math.min(SAMPLE, count);
    double[] d = new double[n];
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      List<float[]> originals = new ArrayList<>();
      List<float[]> variants = new ArrayList<>();
      for (int i = from; i < to; i++) {
        float[] x = image.apply((int) ((long) i * count / n));
        originals.add(x);
        variants.add(Variants.light(x, size, i, SEED));
      }
      float[][] a = space.embed(originals, size);
      float[][] b = space.embed(variants, size);
      for (int i = from; i < to; i++) {
        d[i] = Math.sqrt(VectorSets.squared(a[i - from], b[i - from]));
      }
    }
    return d;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

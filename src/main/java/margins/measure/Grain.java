package margins.measure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Pixel-level structure: how strongly neighbouring pixels of an image's luma move together, at full and at half
 * resolution. Drawings and photographs have a neighbouring-pixel correlation far from 0 (1st percentile at 32 px:
 * icons 0.50, photos 0.40, emoji 0.51, glyphs 0.56); Gaussian pixel noise and shuffled pixels have 0 at every
 * scale, whatever their colours. Blurring only raises it. Saturated at {@link #SATURATION}, it separates noise
 * from pictures without telling a sharp picture from a soft one. Its limit: fine-grained textures (sand, snow)
 * and patterns whose period is a few pixels read as noise-like too (14 of the 1,068 test textures at 64 px).
 */
public final class Grain {

  /** |correlation| at which a scale counts as fully structured. */
  public static final double SATURATION = 0.2;

  /** Added to covariance and variance alike, so a flat image reads as smooth (1), not as noise (0/0). */
  static final double EPSILON = 1e-5;

  /** Scales measured: full and half resolution. */
  public static final int SCALES = 2;

  private Grain() {}

  /** Neighbouring-pixel correlation of the luma at full and half resolution, each in [-1, 1]. */
  public static double[] correlations(float[] image, int size) {
    return correlationsOfLuma(luma(image, size), size);
  }

  static double[] correlationsOfLuma(float[] luma, int size) {
    // 2 x 2 boxes that share no pixel (an odd last row and column are left out): averaging overlapping areas
    // would correlate neighbours by itself.
    int half = size / 2;
    float[] down = new float[half * half];
    for (int y = 0; y < half; y++) {
      for (int x = 0; x < half; x++) {
        int p = 2 * y * size + 2 * x;
        down[y * half + x] = (luma[p] + luma[p + 1] + luma[p + size] + luma[p + size + 1]) / 4;
      }
    }
    return new double[] {correlation(luma, size), correlation(down, half)};
  }

  /** Each scale's |correlation| / {@link #SATURATION}, capped at 1: 0 for noise, 1 for any picture. */
  public static double[] structure(float[] image, int size) {
    return structureOfLuma(luma(image, size), size);
  }

  static double[] structureOfLuma(float[] luma, int size) {
    double[] c = correlationsOfLuma(luma, size);
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.min(Math.abs(c[i]), SATURATION) / SATURATION;
    }
    return c;
  }

  /**
   * Whether an image lacks pixel-level structure: the mean of its {@link #structure} over the two scales, each
   * weighted by how many neighbour pairs it rests on (full resolution 4, half resolution 1), is below one half.
   */
  public static boolean noiseLike(float[] image, int size) {
    double[] s = structure(image, size);
    return (4 * s[0] + s[1]) / 5 < 0.5;
  }

  /** {@link #noiseLike} for each image, in parallel. */
  public static boolean[] noiseLike(List<float[]> images, int size) {
    boolean[] out = new boolean[images.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = noiseLike(images.get(i), size));
    return out;
  }

  /** Rec. 709 luma of the encoded, clamped values: close to perceived lightness and cheap. */
  static float[] luma(float[] image, int size) {
    int plane = size * size;
    float[] l = new float[plane];
    for (int p = 0; p < plane; p++) {
      l[p] = 0.2126f * clamp(image[p]) + 0.7152f * clamp(image[plane + p]) + 0.0722f * clamp(image[2 * plane + p]);
    }
    return l;
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  /** Mean over horizontal and vertical neighbour pairs of the centred product, over the variance. */
  static double correlation(float[] l, int size) {
    double mean = 0;
    for (float v : l) {
      mean += v;
    }
    mean /= l.length;
    double var = 0;
    double h = 0;
    double v = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double a = l[y * size + x] - mean;
        var += a * a;
        if (x + 1 < size) {
          h += a * (l[y * size + x + 1] - mean);
        }
        if (y + 1 < size) {
          v += a * (l[(y + 1) * size + x] - mean);
        }
      }
    }
    int pairs = size * (size - 1);
    double cov = (h + v) / (2.0 * pairs);
    return (cov + EPSILON) / (var / l.length + EPSILON);
  }
}

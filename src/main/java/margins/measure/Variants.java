package margins.measure;

import java.util.SplittableRandom;

/**
 * Softer, shifted and recoloured versions of an image (floats (3, H, W) in [0, 1]): what a generative model does
 * to an archive image it reproduces. They calibrate the archive's tolerance and stand in for reconstructions.
 */
public final class Variants {

  /** Kinds of light variant, taken in turn by {@link #light}. */
  public static final int LIGHT_KINDS = 4;

  private Variants() {}

  /** Gaussian blur of standard deviation {@code sigma} pixels, borders replicated. */
  public static float[] blur(float[] image, int size, double sigma) {
    if (!(sigma > 0)) {
      return image.clone();
    }
    int radius = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int t = -radius; t <= radius; t++) {
      k[t + radius] = Math.exp(-t * t / (2 * sigma * sigma));
      sum += k[t + radius];
    }
    float[] out = new float[image.length];
    float[] rows = new float[size * size];
    for (int c = 0; c < 3; c++) {
      int base = c * size * size;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double s = 0;
          for (int t = -radius; t <= radius; t++) {
            s += k[t + radius] * image[base + y * size + clampIndex(x + t, size)];
          }
          rows[y * size + x] = (float) (s / sum);
        }
      }
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double s = 0;
          for (int t = -radius; t <= radius; t++) {
            s += k[t + radius] * rows[clampIndex(y + t, size) * size + x];
          }
          out[base + y * size + x] = (float) (s / sum);
        }
      }
    }
    return out;
  }

  /** The image moved by (dx, dy) pixels, the uncovered border filled by replicating the edge. */
  public static float[] shift(float[] image, int size, int dx, int dy) {
    float[] out = new float[image.length];
    for (int c = 0; c < 3; c++) {
      int base = c * size * size;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          out[base + y * size + x] = image[base + clampIndex(y - dy, size) * size + clampIndex(x - dx, size)];
        }
      }
    }
    return out;
  }

  /** Each channel c becomes gain[c] * v + offset[c], clipped to [0, 1]. */
  public static float[] recolour(float[] image, int size, double[] gain, double[] offset) {
    float[] out = new float[image.length];
    int plane = size * size;
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < plane; p++) {
        out[c * plane + p] = (float) Math.max(0, Math.min(1, gain[c] * image[c * plane + p] + offset[c]));
      }
    }
    return out;
  }

  /** Area-averaged to half the side, then bilinear back up (pixel centres aligned, borders clamped). */
  public static float[] downUp(float[] image, int size) {
    int half = size / 2;
    double[][] w = Area.weights(size, half);
    float[] out = new float[image.length];
    for (int c = 0; c < 3; c++) {
      double[] small = Area.average(image, c * size * size, size, w);
      for (int y = 0; y < size; y++) {
        double v = Math.max(0, Math.min(half - 1, (y + 0.5) * half / size - 0.5));
        int y0 = (int) Math.floor(v);
        int y1 = Math.min(half - 1, y0 + 1);
        double fy = v - y0;
        for (int x = 0; x < size; x++) {
          double u = Math.max(0, Math.min(half - 1, (x + 0.5) * half / size - 0.5));
          int x0 = (int) Math.floor(u);
          int x1 = Math.min(half - 1, x0 + 1);
          double fx = u - x0;
          double top = small[y0 * half + x0] * (1 - fx) + small[y0 * half + x1] * fx;
          double bottom = small[y1 * half + x0] * (1 - fx) + small[y1 * half + x1] * fx;
          out[c * size * size + y * size + x] = (float) (top * (1 - fy) + bottom * fy);
        }
      }
    }
    return out;
  }

  /**
   * Light variant number i of an image, by i mod 4: a blur of one pixel at 64 px (sigma = size / 64), a one-pixel
   * shift (right, down, left or up by i), a slight recolouring (per channel gain 1 + 0.04 N(0, 1), offset
   * 0.02 N(0, 1), drawn from seed and i), or half resolution and back.
   */
  public static float[] light(float[] image, int size, int i, long seed) {
    switch (Math.floorMod(i, LIGHT_KINDS)) {
      case 0:
        return blur(image, size, size / 64.0);
      case 1:
        int d = Math.floorMod(i / LIGHT_KINDS, 4);
        return shift(image, size, d == 0 ? 1 : d == 2 ? -1 : 0, d == 1 ? 1 : d == 3 ? -1 : 0);
      case 2:
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        double[] gain = new double[3];
        double[] offset = new double[3];
        for (int c = 0; c < 3; c++) {
          gain[c] = 1 + 0.04 * gaussian(r);
          offset[c] = 0.02 * gaussian(r);
        }
        return recolour(image, size, gain, offset);
      default:
        return downUp(image, size);
    }
  }

  /** A standard normal value by Box-Muller (SplittableRandom has none of its own). */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static int clampIndex(int i, int size) {
    return Math.max(0, Math.min(size - 1, i));
  }
}

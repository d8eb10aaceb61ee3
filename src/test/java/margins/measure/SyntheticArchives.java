package margins.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small seeded archives of three characters, floats (3, S, S) in [0, 1]: flat shapes on white, thin dark lines on
 * white, and textures (oriented waves over soft blotches). Plus the two noise baselines made from an archive.
 */
final class SyntheticArchives {

  static final int S = 32;

  private SyntheticArchives() {}

  /** One to three discs, rectangles or triangles in flat colours on white. */
  static List<float[]> shapes(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] im = white();
      int count = 1 + r.nextInt(3);
      for (int s = 0; s < count; s++) {
        float[] colour = {(float) r.nextDouble(), (float) r.nextDouble(), (float) r.nextDouble()};
        double cx = 6 + r.nextDouble() * 20;
        double cy = 6 + r.nextDouble() * 20;
        double a = 3 + r.nextDouble() * 8;
        double b = 3 + r.nextDouble() * 8;
        int type = r.nextInt(3);
        for (int y = 0; y < S; y++) {
          for (int x = 0; x < S; x++) {
            double dx = x + 0.5 - cx;
            double dy = y + 0.5 - cy;
            boolean in = type == 0 ? dx * dx / (a * a) + dy * dy / (b * b) <= 1
                : type == 1 ? Math.abs(dx) <= a && Math.abs(dy) <= b
                : dy <= b && dy >= -b && Math.abs(dx) <= a * (dy + b) / (2 * b);
            if (in) {
              set(im, x, y, colour);
            }
          }
        }
      }
      out.add(im);
    }
    return out;
  }

  /** Two to four one-pixel dark strokes (straight or bent once) on white: line drawings. */
  static List<float[]> lines(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] im = white();
      float ink = (float) (r.nextDouble() * 0.3);
      int strokes = 2 + r.nextInt(3);
      for (int s = 0; s < strokes; s++) {
        double x = 2 + r.nextDouble() * 28;
        double y = 2 + r.nextDouble() * 28;
        for (int leg = 0; leg < 2; leg++) {
          double angle = r.nextDouble() * Math.PI * 2;
          double length = 6 + r.nextDouble() * 14;
          for (double t = 0; t <= length; t += 0.25) {
            int px = (int) (x + Math.cos(angle) * t);
            int py = (int) (y + Math.sin(angle) * t);
            if (px >= 0 && px < S && py >= 0 && py < S) {
              set(im, px, py, new float[] {ink, ink, ink});
            }
          }
          x += Math.cos(angle) * length;
          y += Math.sin(angle) * length;
        }
      }
      out.add(im);
    }
    return out;
  }

  /** Oriented waves of a random period (3 to 10 pixels) over soft blotches, in a random pair of colours. */
  static List<float[]> textures(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double angle = r.nextDouble() * Math.PI;
      double period = 3 + r.nextDouble() * 7;
      double phase = r.nextDouble() * 2 * Math.PI;
      double[] blotch = new double[8];
      for (int k = 0; k < blotch.length; k++) {
        blotch[k] = r.nextDouble() * 2 * Math.PI;
      }
      float[] dark = {(float) r.nextDouble() * 0.5f, (float) r.nextDouble() * 0.5f, (float) r.nextDouble() * 0.5f};
      float[] light = {0.5f + (float) r.nextDouble() * 0.5f, 0.5f + (float) r.nextDouble() * 0.5f,
          0.5f + (float) r.nextDouble() * 0.5f};
      float[] im = new float[3 * S * S];
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          double u = (x * Math.cos(angle) + y * Math.sin(angle)) * 2 * Math.PI / period + phase;
          double soft = 0.25 * (Math.sin(x * 0.3 + blotch[0]) * Math.sin(y * 0.4 + blotch[1])
              + Math.sin(x * 0.17 + y * 0.23 + blotch[2]));
          double t = Math.max(0, Math.min(1, 0.5 + 0.35 * Math.sin(u) + soft));
          float[] c = new float[3];
          for (int ch = 0; ch < 3; ch++) {
            c[ch] = (float) (dark[ch] + (light[ch] - dark[ch]) * t);
          }
          set(im, x, y, c);
        }
      }
      out.add(im);
    }
    return out;
  }

  /** Gaussian pixel noise with the archive's per-channel mean and standard deviation, clipped to [0, 1]. */
  static List<float[]> gaussian(List<float[]> archive, int n, long seed) {
    int plane = S * S;
    double[] mean = new double[3];
    double[] sq = new double[3];
    for (float[] im : archive) {
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          mean[c] += im[c * plane + p];
          sq[c] += im[c * plane + p] * im[c * plane + p];
        }
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] im = new float[3 * plane];
      for (int c = 0; c < 3; c++) {
        double m = mean[c] / (archive.size() * plane);
        double sd = Math.sqrt(Math.max(0, sq[c] / (archive.size() * plane) - m * m));
        for (int p = 0; p < plane; p++) {
          im[c * plane + p] = (float) Math.max(0, Math.min(1, m + sd * Variants.gaussian(r)));
        }
      }
      out.add(im);
    }
    return out;
  }

  /** Archive images (in turn) with their pixel positions shuffled: the same colours, no layout. */
  static List<float[]> shuffled(List<float[]> archive, int n, long seed) {
    int plane = S * S;
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] src = archive.get(i % archive.size());
      int[] perm = new int[plane];
      for (int p = 0; p < plane; p++) {
        perm[p] = p;
      }
      for (int p = plane - 1; p > 0; p--) {
        int j = r.nextInt(p + 1);
        int t = perm[p];
        perm[p] = perm[j];
        perm[j] = t;
      }
      float[] im = new float[3 * plane];
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          im[c * plane + p] = src[c * plane + perm[p]];
        }
      }
      out.add(im);
    }
    return out;
  }

  private static float[] white() {
    float[] im = new float[3 * S * S];
    java.util.Arrays.fill(im, 1f);
    return im;
  }

  private static void set(float[] im, int x, int y, float[] c) {
    for (int ch = 0; ch < 3; ch++) {
      im[ch * S * S + y * S + x] = c[ch];
    }
  }
}

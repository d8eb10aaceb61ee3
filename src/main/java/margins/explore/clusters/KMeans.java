package margins.explore.clusters;

import java.util.Random;

/**
 * Seeded k-means (k-means++ start, then Lloyd's iterations until no point moves, at most 100), in
 * double precision; an emptied cluster takes the point farthest from its centre, so with n >= k every
 * cluster keeps at least one point.
 */
final class KMeans {

  private static final int MAX_ITERATIONS = 100;

  private KMeans() {}

  /** The cluster of each of the n points (n, d); k is clamped to n. */
  static int[] assign(float[][] points, int k, long seed) {
    int n = points.length;
    int kk = Math.min(k, n);
    Random random = new Random(seed);
    double[][] centres = new double[kk][];
    double[] best = new double[n];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    centres[0] = toDouble(points[random.nextInt(n)]);
    for (int c = 1; c < kk; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        best[i] = Math.min(best[i], distance(points[i], centres[c - 1]));
        total += best[i];
      }
      double pick = random.nextDouble() * total;
      int chosen = n - 1;
      for (int i = 0; i < n; i++) {
        pick -= best[i];
        if (pick < 0) {
          chosen = i;
          break;
        }
      }
      centres[c] = toDouble(points[chosen]);
    }
    int[] label = new int[n];
    java.util.Arrays.fill(label, -1);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        int nearest = 0;
        double d = Double.POSITIVE_INFINITY;
        for (int c = 0; c < kk; c++) {
          double e = distance(points[i], centres[c]);
          if (e < d) {
            d = e;
            nearest = c;
          }
        }
        moved |= label[i] != nearest;
        label[i] = nearest;
      }
      refill(points, label, kk);
      if (!moved) {
        break;
      }
      centres = means(points, label, kk);
    }
    return label;
  }

  /** Gives each empty cluster the point farthest from its own cluster's mean (taken from a cluster of 2+). */
  private static void refill(float[][] points, int[] label, int k) {
    for (int c = 0; c < k; c++) {
      int[] sizes = new int[k];
      for (int l : label) {
        sizes[l]++;
      }
      if (sizes[c] > 0) {
        continue;
      }
      double[][] centres = means(points, label, k);
      int far = -1;
      double fd = -1;
      for (int i = 0; i < points.length; i++) {
        if (sizes[label[i]] > 1) {
          double d = distance(points[i], centres[label[i]]);
          if (d > fd) {
            fd = d;
            far = i;
          }
        }
      }
      label[far] = c;
    }
  }

  private static double[][] means(float[][] points, int[] label, int k) {
    int d = points[0].length;
    double[][] sum = new double[k][d];
    int[] count = new int[k];
    for (int i = 0; i < points.length; i++) {
      count[label[i]]++;
      for (int j = 0; j < d; j++) {
        sum[label[i]][j] += points[i][j];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d && count[c] > 0; j++) {
        sum[c][j] /= count[c];
      }
    }
    return sum;
  }

  private static double distance(float[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  private static double[] toDouble(float[] a) {
    double[] out = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = a[j];
    }
    return out;
  }
}

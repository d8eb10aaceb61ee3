package margins.math;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means (Lloyd's algorithm) with k-means++ initialisation from a given seed: the same points, k and seed give the
 * same centres. An emptied cluster takes the point farthest from its centre, so every cluster keeps a point.
 * Samplers fit it on the encoded training split with {@link #SEED}; channel clustering on activation maps.
 *
 * @param centres (k, d)
 * @param assignment for each point, the index of its centre
 */
public record KMeans(float[][] centres, int[] assignment) {

  /** The fixed seed samplers fit with, so that a model's clusters are the same on every run. */
  public static final long SEED = 0x6B6D65616E73L;

  /** Clusters the points into k groups; at most {@code iterations} Lloyd steps, fewer when nothing moves. */
  public static KMeans fit(float[][] points, int k, long seed, int iterations) {
    int n = points.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k-means needs 1 <= k <= " + n + " points, not k = " + k);
    }
    float[][] c = plusPlus(points, k, new SplittableRandom(seed));
    int[] a = new int[n];
    Arrays.fill(a, -1);
    for (int it = 0; it < iterations; it++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        int best = nearest(c, points[i]);
        if (best != a[i]) {
          a[i] = best;
          moved = true;
        }
      }
      refill(points, a, c);
      if (!moved) {
        break;
      }
      c = means(points, a, c);
    }
    return new KMeans(c, a);
  }

  public int k() {
    return centres.length;
  }

  /** The index of the centre nearest to x. */
  public int nearest(float[] x) {
    return nearest(centres, x);
  }

  /** Row indices of the points assigned to a cluster. */
  public int[] members(int cluster) {
    return java.util.stream.IntStream.range(0, assignment.length).filter(i -> assignment[i] == cluster).toArray();
  }

  static int nearest(float[][] centres, float[] x) {
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centres.length; j++) {
      double d = VectorMath.squaredDistance(centres[j], x);
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    return best;
  }


  /** k-means++: the first centre uniformly, each next one with probability proportional to squared distance. */
  private static float[][] plusPlus(float[][] p, int k, SplittableRandom r) {
    int n = p.length;
    float[][] c = new float[k][];
    c[0] = p[r.nextInt(n)].clone();
    double[] d2 = new double[n];
    Arrays.fill(d2, Double.POSITIVE_INFINITY);
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], VectorMath.squaredDistance(p[i], c[j - 1]));
        total += d2[i];
      }
      int pick = n - 1;
      if (total > 0) {
        double u = r.nextDouble() * total;
        for (int i = 0; i < n; i++) {
          u -= d2[i];
          if (u < 0) {
            pick = i;
            break;
          }
        }
      } else {
        pick = r.nextInt(n);
      }
      c[j] = p[pick].clone();
    }
    return c;
  }

  /** Gives each empty cluster the point farthest from its centre among clusters of two or more points. */
  private static void refill(float[][] p, int[] a, float[][] c) {
    int[] size = new int[c.length];
    for (int x : a) {
      size[x]++;
    }
    for (int j = 0; j < c.length; j++) {
      if (size[j] > 0) {
        continue;
      }
      int far = -1;
      double fd = -1;
      for (int i = 0; i < p.length; i++) {
        double d = VectorMath.squaredDistance(p[i], c[a[i]]);
        if (size[a[i]] > 1 && d > fd) {
          fd = d;
          far = i;
        }
      }
      size[a[far]]--;
      a[far] = j;
      size[j]++;
    }
  }

  /** Each cluster's mean; an empty cluster keeps its old centre. */
  private static float[][] means(float[][] p, int[] a, float[][] old) {
    int k = old.length;
    int d = p[0].length;
    double[][] sum = new double[k][d];
    int[] count = new int[k];
    for (int i = 0; i < p.length; i++) {
      count[a[i]]++;
      for (int t = 0; t < d; t++) {
        sum[a[i]][t] += p[i][t];
      }
    }
    float[][] c = new float[k][];
    for (int j = 0; j < k; j++) {
      if (count[j] == 0) {
        c[j] = old[j].clone();
        continue;
      }
      c[j] = new float[d];
      for (int t = 0; t < d; t++) {
        c[j][t] = (float) (sum[j][t] / count[j]);
      }
    }
    return c;
  }
}

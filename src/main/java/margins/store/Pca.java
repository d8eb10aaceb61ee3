package margins.store;

import java.util.SplittableRandom;

/**
 * Principal components by block power iteration on the covariance (orthonormalised by Gram-Schmidt each round), from
 * a seeded start, so the same vectors give the same axes. What the atlas lays out and the approximate index reduces
 * vectors with; a few hundred dimensions and components need well under a second.
 *
 * @param mean the vectors' mean (d)
 * @param axes the components, (k, d), unit length, by decreasing variance
 * @param variances the variance along each
 */
public record Pca(float[] mean, float[][] axes, double[] variances) {

  private static final int ROUNDS = 60;

  /** The first k components of the rows (at most d; rows beyond `sample` are skipped evenly). */
  public static Pca fit(float[][] rows, int k, int sample, long seed) {
    int n = rows.length;
    int d = rows[0].length;
    k = Math.min(k, d);
    int step = Math.max(1, n / Math.max(1, sample));
    double[] mean = new double[d];
    int used = 0;
    for (int i = 0; i < n; i += step, used++) {
      for (int j = 0; j < d; j++) {
        mean[j] += rows[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= used;
    }
    double[][] cov = new double[d][d]; // (d, d), upper triangle filled, then mirrored
    double[] x = new double[d];
    for (int i = 0; i < n; i += step) {
      for (int j = 0; j < d; j++) {
        x[j] = rows[i][j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double xa = x[a];
        double[] row = cov[a];
        for (int b = a; b < d; b++) {
          row[b] += xa * x[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= Math.max(1, used - 1);
        cov[b][a] = cov[a][b];
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[][] q = new double[k][d];
    for (double[] v : q) {
      for (int j = 0; j < d; j++) {
        v[j] = r.nextDouble() - 0.5;
      }
    }
    orthonormalise(q);
    for (int round = 0; round < ROUNDS; round++) {
      double[][] z = new double[k][];
      for (int c = 0; c < k; c++) {
        z[c] = times(cov, q[c]);
      }
      q = z;
      orthonormalise(q);
    }
    double[] variances = new double[k];
    float[][] axes = new float[k][d];
    for (int c = 0; c < k; c++) {
      variances[c] = dot(q[c], times(cov, q[c]));
      // A fixed sign (largest entry positive), so axes do not flip between runs or machines.
      int big = 0;
      for (int j = 1; j < d; j++) {
        big = Math.abs(q[c][j]) > Math.abs(q[c][big]) ? j : big;
      }
      double sign = q[c][big] < 0 ? -1 : 1;
      for (int j = 0; j < d; j++) {
        axes[c][j] = (float) (sign * q[c][j]);
      }
    }
    float[] m = new float[d];
    for (int j = 0; j < d; j++) {
      m[j] = (float) mean[j];
    }
    return new Pca(m, axes, variances);
  }

  /** The vector's coordinates on the axes. */
  public float[] project(float[] v) {
    float[] out = new float[axes.length];
    for (int c = 0; c < axes.length; c++) {
      double s = 0;
      float[] a = axes[c];
      for (int j = 0; j < a.length; j++) {
        s += (v[j] - mean[j]) * a[j];
      }
      out[c] = (float) s;
    }
    return out;
  }

  /** Share of the total variance the axes keep, given the total. */
  public double kept(double totalVariance) {
    double s = 0;
    for (double v : variances) {
      s += v;
    }
    return totalVariance <= 0 ? 1 : s / totalVariance;
  }

  private static double[] times(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int a = 0; a < m.length; a++) {
      out[a] = dot(m[a], v);
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Modified Gram-Schmidt in place; a vector that collapses (rank below k) is replaced by a fixed pseudo-random one. */
  private static void orthonormalise(double[][] q) {
    for (int c = 0; c < q.length; c++) {
      for (int attempt = 0; ; attempt++) {
        for (int p = 0; p < c; p++) {
          double s = dot(q[c], q[p]);
          for (int j = 0; j < q[c].length; j++) {
            q[c][j] -= s * q[p][j];
          }
        }
        double norm = Math.sqrt(dot(q[c], q[c]));
        if (norm > 1e-9 || attempt == 8) {
          for (int j = 0; j < q[c].length; j++) {
            q[c][j] /= Math.max(norm, 1e-300);
          }
          break;
        }
        SplittableRandom r = new SplittableRandom(31L * c + attempt);
        for (int j = 0; j < q[c].length; j++) {
          q[c][j] = r.nextDouble() - 0.5;
        }
      }
    }
  }
}

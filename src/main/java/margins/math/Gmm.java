package margins.math;

import java.util.Random;

/**
 * A Gaussian mixture with diagonal covariances, fitted by EM in plain Java.
 *
 * <p>The fit: k-means++ and Lloyd's algorithm (seeded) give the starting means, each cluster's per-dimension variance
 * and its share of the points the starting variances and weights; then EM runs until the mean log-likelihood per
 * point improves by less than 1e-6 or {@code iterations} are done. Variances are floored at 1e-3 of the data's own
 * variance in that dimension (and 1e-8), so a component that collapses onto a few points stays a density.
 *
 * @param weights (k), summing to 1
 * @param means (k, d)
 * @param variances (k, d)
 */
public record Gmm(double[] weights, float[][] means, float[][] variances) {

  /** The fixed seed samplers fit with. */
  public static final long SEED = 0x676D6DL;

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  public static Gmm fit(float[][] x, int k, long seed, int iterations) {
    int n = x.length;
    int d = x[0].length;
    KMeans init = KMeans.fit(x, k, seed, 20);
    double[] floor = new double[d];
    double[] mean = new double[d];
    for (float[] p : x) {
      for (int t = 0; t < d; t++) {
        mean[t] += p[t] / (double) n;
      }
    }
    for (float[] p : x) {
      for (int t = 0; t < d; t++) {
        floor[t] += (p[t] - mean[t]) * (p[t] - mean[t]) / n;
      }
    }
    for (int t = 0; t < d; t++) {
      floor[t] = Math.max(1e-8, 1e-3 * floor[t]);
    }
    double[][] resp = new double[n][k];
    for (int i = 0; i < n; i++) {
      resp[i][init.assignment()[i]] = 1;
    }
    Gmm g = mStep(x, resp, floor, init.centres());
    double last = Double.NEGATIVE_INFINITY;
    for (int it = 0; it < iterations; it++) {
      double ll = g.eStep(x, resp);
      g = mStep(x, resp, floor, g.means);
      if (ll - last < 1e-6) {
        break;
      }
      last = ll;
    }
    return g;
  }

  public int components() {
    return weights.length;
  }

  /** log p(x) under the mixture. */
  public double logDensity(float[] x) {
    double[] lp = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      lp[j] = Math.log(weights[j]) + logNormal(x, j);
    }
    return logSumExp(lp);
  }

  /** A draw: a component by weight, then its Gaussian with each standard deviation scaled by {@code scale}. */
  public float[] sample(Random r, double scale) {
    double u = r.nextDouble();
    int j = weights.length - 1;
    for (int c = 0; c < weights.length; c++) {
      u -= weights[c];
      if (u < 0) {
        j = c;
        break;
      }
    }
    float[] z = new float[means[j].length];
    for (int t = 0; t < z.length; t++) {
      z[t] = (float) (means[j][t] + scale * Math.sqrt(variances[j][t]) * r.nextGaussian());
    }
    return z;
  }

  private double logNormal(float[] x, int j) {
    double s = 0;
    for (int t = 0; t < x.length; t++) {
      double v = variances[j][t];
      double dx = x[t] - means[j][t];
      s += LOG_2PI + Math.log(v) + dx * dx / v;
    }
    return -0.5 * s;
  }

  /** Fills responsibilities; returns the mean log-likelihood per point. */
  private double eStep(float[][] x, double[][] resp) {
    double total = 0;
    int k = weights.length;
    double[] lp = new double[k];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < k; j++) {
        lp[j] = Math.log(weights[j]) + logNormal(x[i], j);
      }
      double lse = logSumExp(lp);
      total += lse;
      for (int j = 0; j < k; j++) {
        resp[i][j] = Math.exp(lp[j] - lse);
      }
    }
    return total / x.length;
  }

  private static Gmm mStep(float[][] x, double[][] resp, double[] floor, float[][] oldMeans) {
    int n = x.length;
    int d = x[0].length;
    int k = resp[0].length;
    double[] w = new double[k];
    float[][] mu = new float[k][d];
    float[][] var = new float[k][d];
    for (int j = 0; j < k; j++) {
      double nk = 0;
      double[] s = new double[d];
      for (int i = 0; i < n; i++) {
        nk += resp[i][j];
        for (int t = 0; t < d; t++) {
          s[t] += resp[i][j] * x[i][t];
        }
      }
      // An emptied component keeps its mean, takes the floor variance and a tiny weight.
      w[j] = Math.max(nk, 1e-10) / n;
      for (int t = 0; t < d; t++) {
        mu[j][t] = nk > 1e-10 ? (float) (s[t] / nk) : oldMeans[j][t];
      }
      for (int t = 0; t < d; t++) {
        double v = 0;
        for (int i = 0; i < n; i++) {
          double dx = x[i][t] - mu[j][t];
          v += resp[i][j] * dx * dx;
        }
        var[j][t] = (float) Math.max(floor[t], nk > 1e-10 ? v / nk : floor[t]);
      }
    }
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    for (int j = 0; j < k; j++) {
      w[j] /= sum;
    }
    return new Gmm(w, mu, var);
  }

  private static double logSumExp(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double x : v) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }
}

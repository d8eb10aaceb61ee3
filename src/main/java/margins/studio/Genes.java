package margins.studio;

import java.util.Random;

/**
 * The principal directions of the encoded archive (its training split's posterior means): the sliders of the page's
 * genes. Each gene is a unit direction with the archive's standard deviation along it; a tile's gene value is its
 * coordinate along the direction, in standard deviations from the archive's mean. Computed once per launch by power
 * iteration with deflation on the covariance (latent x latent).
 *
 * @param mean the archive's mean code (L)
 * @param directions unit directions, strongest first (G x L)
 * @param sigmas the standard deviation along each (G)
 */
public record Genes(float[] mean, float[][] directions, double[] sigmas) {

  /** Sliders shown at most. */
  public static final int MAX = 16;

  /** The first min(max, L) principal directions of the codes. */
  public static Genes of(float[][] codes, int max) {
    int n = codes.length;
    int l = codes[0].length;
    double[] mean = new double[l];
    for (float[] c : codes) {
      for (int j = 0; j < l; j++) {
        mean[j] += c[j] / (double) n;
      }
    }
    double[][] cov = new double[l][l]; // (L, L)
    for (float[] c : codes) {
      for (int i = 0; i < l; i++) {
        double di = c[i] - mean[i];
        for (int j = 0; j < l; j++) {
          cov[i][j] += di * (c[j] - mean[j]) / Math.max(1, n - 1);
        }
      }
    }
    int g = Math.min(max, l);
    float[][] dirs = new float[g][];
    double[] sig = new double[g];
    Random r = new Random(0x6E4E5L);
    for (int k = 0; k < g; k++) {
      double[] v = new double[l];
      for (int j = 0; j < l; j++) {
        v[j] = r.nextGaussian();
      }
      double lambda = 0;
      for (int it = 0; it < 500; it++) {
        double[] w = times(cov, v);
        double norm = Math.sqrt(dot(w, w));
        if (norm < 1e-12) {
          break;
        }
        for (int j = 0; j < l; j++) {
          w[j] /= norm;
        }
        double change = 1 - Math.abs(dot(w, v));
        v = w;
        lambda = dot(v, times(cov, v));
        if (change < 1e-12) {
          break;
        }
      }
      // Deflate: remove this direction's variance before looking for the next.
      for (int i = 0; i < l; i++) {
        for (int j = 0; j < l; j++) {
          cov[i][j] -= lambda * v[i] * v[j];
        }
      }
      dirs[k] = new float[l];
      for (int j = 0; j < l; j++) {
        dirs[k][j] = (float) v[j];
      }
      sig[k] = Math.sqrt(Math.max(0, lambda));
    }
    float[] m = new float[l];
    for (int j = 0; j < l; j++) {
      m[j] = (float) mean[j];
    }
    return new Genes(m, dirs, sig);
  }

  public int count() {
    return directions.length;
  }

  /** A latent's gene values: its coordinate along each direction, in standard deviations. */
  public double[] values(float[] z) {
    double[] out = new double[count()];
    for (int k = 0; k < count(); k++) {
      double s = 0;
      for (int j = 0; j < z.length; j++) {
        s += (z[j] - mean[j]) * directions[k][j];
      }
      out[k] = sigmas[k] > 0 ? s / sigmas[k] : 0;
    }
    return out;
  }

  /** The latent moved so that its gene values become {@code target} (null entries, or missing ones, stay). */
  public float[] set(float[] z, Double[] target) {
    double[] now = values(z);
    float[] out = z.clone();
    for (int k = 0; k < Math.min(count(), target.length); k++) {
      if (target[k] == null || !Double.isFinite(target[k])) {
        continue;
      }
      double delta = (target[k] - now[k]) * sigmas[k];
      for (int j = 0; j < out.length; j++) {
        out[j] += (float) (delta * directions[k][j]);
      }
    }
    return out;
  }

  private static double[] times(double[][] a, double[] v) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = dot(a[i], v);
    }
    return w;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

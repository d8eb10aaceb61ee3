package margins.bench;

import java.util.SplittableRandom;
import margins.store.Pca;

/**
 * Vectors shaped like a studio's, made again from their index alone (so a million need not sit in memory): a base
 * vector (an archive image's pixel-structure vector, when a studio is given) moved along the bases' own principal
 * axes by a Gaussian of {@link #SPREAD} times their spread, plus a little isotropic noise: clusters around each
 * archive image, stretched as the archive itself varies.
 */
final class BenchVectors {

  static final double SPREAD = 0.35;

  static final double NOISE = 0.01;

  private final float[][] bases;
  private final Pca pca;
  private final long seed;

  BenchVectors(float[][] bases, long seed) {
    this.bases = bases;
    this.pca = Pca.fit(bases, Math.min(64, bases.length - 1), bases.length, seed);
    this.seed = seed;
  }

  int dimension() {
    return bases[0].length;
  }

  /** Vector i, the same every time. */
  float[] vector(long i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    float[] base = bases[r.nextInt(bases.length)];
    float[] v = base.clone();
    for (int c = 0; c < pca.axes().length; c++) {
      double g = r.nextGaussian() * SPREAD * Math.sqrt(Math.max(0, pca.variances()[c]));
      float[] axis = pca.axes()[c];
      for (int j = 0; j < v.length; j++) {
        v[j] += (float) (g * axis[j]);
      }
    }
    for (int j = 0; j < v.length; j++) {
      v[j] += (float) (r.nextGaussian() * NOISE);
    }
    return v;
  }

  /** Random bases when no studio is given: clusters in a 24-dimensional subspace of `dim`. */
  static float[][] synthetic(int count, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int rank = 24;
    double[][] w = new double[dim][rank];
    for (double[] row : w) {
      for (int k = 0; k < rank; k++) {
        row[k] = r.nextGaussian() / Math.sqrt(rank);
      }
    }
    float[][] out = new float[count][dim];
    for (float[] v : out) {
      double[] z = new double[rank];
      for (int k = 0; k < rank; k++) {
        z[k] = r.nextGaussian();
      }
      for (int j = 0; j < dim; j++) {
        double s = 0;
        for (int k = 0; k < rank; k++) {
          s += w[j][k] * z[k];
        }
        v[j] = (float) s;
      }
    }
    return out;
  }
}

package margins.sample;

import margins.math.Gmm;
import margins.math.KMeans;
import margins.math.VectorMath;
import margins.model.Codes;

/** The fits samplers share, each made once per context on the encoded training split with a fixed seed. */
final class Fits {

  private static final int KMEANS_ITERATIONS = 100;
  private static final int EM_ITERATIONS = 100;

  private Fits() {}

  static KMeans kmeans(SamplerContext ctx, int k) {
    float[][] codes = ctx.codes().means();
    int kk = Math.min(k, codes.length);
    return ctx.cached("kmeans:" + kk, () -> KMeans.fit(codes, kk, KMeans.SEED, KMEANS_ITERATIONS));
  }

  static Gmm gmm(SamplerContext ctx, int k) {
    float[][] codes = ctx.codes().means();
    int kk = Math.min(k, codes.length);
    return ctx.cached("gmm:" + kk, () -> Gmm.fit(codes, kk, Gmm.SEED, EM_ITERATIONS));
  }

  /** Each latent dimension's standard deviation over the encoded archive's means. */
  static float[] spread(SamplerContext ctx) {
    return ctx.cached("spread", () -> spread(ctx.codes()));
  }

  static float[] spread(Codes codes) {
    float[][] x = codes.means();
    int d = x[0].length;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (float[] p : x) {
      for (int t = 0; t < d; t++) {
        mean[t] += p[t] / (double) x.length;
      }
    }
    for (float[] p : x) {
      for (int t = 0; t < d; t++) {
        var[t] += (p[t] - mean[t]) * (p[t] - mean[t]) / x.length;
      }
    }
    float[] s = new float[d];
    for (int t = 0; t < d; t++) {
      s[t] = (float) Math.sqrt(var[t]);
    }
    return s;
  }

  /** The largest norm among the archive's codes: where the archive ends, as a radius. */
  static double maxNorm(SamplerContext ctx) {
    return ctx.cached("max-norm", () -> {
      double m = 0;
      for (float[] z : ctx.codes().means()) {
        m = Math.max(m, VectorMath.norm(z));
      }
      return m;
    });
  }
}

package margins.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import margins.archive.TrainingSet;
import margins.network.Generative;

/**
 * The encoded archive: each image's posterior mean and log-variance. This is where the decoder has learned
 * to draw, unlike most of the prior (see the README on the gap between them).
 *
 * @param means (N, latent)
 * @param logVars (N, latent)
 */
public record Codes(float[][] means, float[][] logVars) {

  private static final int BATCH = 128;

  /** Encodes every image of the set, in batches. */
  public static Codes encode(Generative vae, TrainingSet set) {
    int n = set.count();
    int r = set.size();
    int l = vae.config().latent();
    float[][] mu = new float[n][];
    float[][] lv = new float[n][];
    for (int start = 0; start < n; start += BATCH) {
      int b = Math.min(BATCH, n - start);
      float[] x = new float[b * 3 * r * r];
      for (int i = 0; i < b; i++) {
        set.copyChw(start + i, x, i * 3 * r * r, false);
      }
      try (NDManager m = vae.manager().newSubManager()) {
        NDList post = vae.posterior(m.create(x, new Shape(b, 3, r, r)), false);
        float[] means = post.get(0).toFloatArray();
        float[] vars = post.get(1).toFloatArray();
        for (int i = 0; i < b; i++) {
          mu[start + i] = java.util.Arrays.copyOfRange(means, i * l, (i + 1) * l);
          lv[start + i] = java.util.Arrays.copyOfRange(vars, i * l, (i + 1) * l);
        }
      }
    }
    return new Codes(mu, lv);
  }

  public int count() {
    return means.length;
  }
}

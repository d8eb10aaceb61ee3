package margins.sample;

import java.util.List;

/**
 * An image given from outside the archive (what `margins vary` varies), encoded by the model.
 *
 * @param mean the posterior mean (latent)
 * @param logVar the posterior log-variance (latent)
 * @param parents what the recipes should name as its origin (the file's path and SHA-256)
 */
public record Source(float[] mean, float[] logVar, List<String> parents) {

  /** A draw from the posterior around the mean, each standard deviation scaled by {@code scale}. */
  public float[] posteriorSample(java.util.Random r, double scale) {
    float[] z = new float[mean.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (mean[i] + scale * Math.exp(0.5 * logVar[i]) * r.nextGaussian());
    }
    return z;
  }
}

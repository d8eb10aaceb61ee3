package margins.network;

import java.util.Random;

/** Seeds name latents: the same seed gives the same standard-normal vector on every machine. */
public final class Latents {

  private Latents() {}

  /** A draw from N(0, I) of the given dimension; java.util.Random's Gaussian is specified exactly. */
  public static float[] gaussian(long seed, int dim) {
    Random r = new Random(seed);
    float[] z = new float[dim];
    for (int i = 0; i < dim; i++) {
      z[i] = (float) r.nextGaussian();
    }
    return z;
  }

  /**
   * What a seed names on a model: with a learned density (a two-stage model) its dream at psi, else (a VAE) the
   * Gaussian draw scaled by psi.
   */
  public static float[] seed(long seed, int dim, double psi, CodeDensity density) {
    return density == null ? truncated(seed, dim, psi) : density.dream(seed, psi);
  }

  /** The seed's latent scaled by psi: below 1 toward the typical centre, above 1 toward the margins. */
  public static float[] truncated(long seed, int dim, double psi) {
    float[] z = gaussian(seed, dim);
    for (int i = 0; i < dim; i++) {
      z[i] = (float) (z[i] * psi);
    }
    return z;
  }
}

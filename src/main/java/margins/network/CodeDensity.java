package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The learned density over an autoencoder's codes (the second stage): a flow from Gaussian noise to standardised
 * codes, and the codes' per-dimension mean and standard deviation that undo the standardisation. A dream is
 * sphere(flow(psi * noise) * sd + mean): psi below 1 keeps to the density's typical middle, above 1 its tails.
 */
public final class CodeDensity implements AutoCloseable {

  private final FlowNet flow;
  private final float[] mean;
  private final float[] sd;

  /** The flow with the codes' statistics, each of length {@code flow.config().latent()}. */
  public CodeDensity(FlowNet flow, float[] mean, float[] sd) {
    int l = flow.config().latent();
    if (mean.length != l || sd.length != l) {
      throw new IllegalArgumentException("code statistics need " + l + " numbers each");
    }
    this.flow = flow;
    this.mean = mean.clone();
    this.sd = sd.clone();
  }

  public FlowNet flow() {
    return flow;
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] sd() {
    return sd.clone();
  }

  public int latent() {
    return mean.length;
  }

  /** One seed's dream: its base noise ({@link Latents#gaussian}) scaled by psi and carried by the flow, alone. */
  public float[] dream(long seed, double psi) {
    return dream(new float[][] {Latents.gaussian(seed, latent())}, psi)[0];
  }

  /**
   * Codes on the sphere for rows of base noise (n, L) scaled by psi, integrated from time 0 to 1 with Heun's method.
   * One row at a time would give the same bits as a batch only by luck, so callers pass what they mean to repeat.
   */
  public float[][] dream(float[][] noise, double psi) {
    int n = noise.length;
    int l = latent();
    float[] x0 = new float[n * l];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < l; j++) {
        x0[i * l + j] = (float) (noise[i][j] * psi);
      }
    }
    int steps = flow.config().odeSteps();
    float dt = 1f / steps;
    float[] codes;
    try (NDManager m = flow.manager().newSubManager()) {
      NDArray x = m.create(x0, new Shape(n, l)); // (n, L), standardised codes at time 0
      for (int k = 0; k < steps; k++) {
        NDArray t0 = m.full(new Shape(n, 1), k * dt);
        NDArray t1 = m.full(new Shape(n, 1), (k + 1) * dt);
        NDArray v = flow.velocity(x, t0, false); // (n, L)
        NDArray xe = x.add(v.mul(dt));
        NDArray v2 = flow.velocity(xe, t1, false);
        x = x.add(v.add(v2).mul(dt * 0.5f));
      }
      NDArray z = x.mul(m.create(sd, new Shape(1, l))).add(m.create(mean, new Shape(1, l)));
      codes = AeEncoder.sphere(z).toFloatArray();
    }
    float[][] out = new float[n][l];
    for (int i = 0; i < n; i++) {
      System.arraycopy(codes, i * l, out[i], 0, l);
    }
    return out;
  }

  @Override
  public void close() {
    flow.close();
  }
}

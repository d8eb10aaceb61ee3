package margins.network;

import margins.BadParameter;

/**
 * The learned density over codes (the second stage): a velocity field for flow matching, an MLP with a sinusoidal
 * time embedding, integrated from Gaussian noise (time 0) to standardised codes (time 1).
 *
 * @param latent numbers in a code
 * @param hidden width of the hidden layers
 * @param layers hidden layers
 * @param frequencies sinusoidal time features, at pi, 2 pi, ...
 * @param odeSteps Heun steps from noise to code when dreaming
 */
public record FlowConfig(int latent, int hidden, int layers, int frequencies, int odeSteps) {

  public FlowConfig {
    if (hidden < 16 || hidden > 4096 || layers < 1 || layers > 8 || frequencies < 1 || frequencies > 64) {
      throw new BadParameter("flow: hidden in 16..4096, layers in 1..8, frequencies in 1..64; got " + hidden
          + ", " + layers + ", " + frequencies);
    }
    if (odeSteps < 1 || odeSteps > 1000) {
      throw new BadParameter("flow: ODE steps must be in 1..1000, not " + odeSteps);
    }
  }

  /** The defaults for codes of this length: 3 layers of 512, 8 frequencies, 24 Heun steps. */
  public static FlowConfig defaults(int latent) {
    return new FlowConfig(latent, 512, 3, 8, 24);
  }
}

package margins.train;

import margins.BadParameter;
import margins.network.AeConfig;
import margins.network.FlowConfig;

/**
 * How the two-stage model trains, phase by phase: the autoencoder (L1 and multi-scale image-gradient L1, codes
 * decoded through noise), an optional adversarial fine-tune of its decoder, then a flow over its codes. The
 * seed, checkpoint cadence, flips and held-out split come from {@link TrainConfig}.
 *
 * @param ae the autoencoder's architecture
 * @param flow the flow's architecture
 * @param aeSteps autoencoder steps
 * @param ganSteps adversarial fine-tune steps (0: none)
 * @param flowSteps flow-matching steps
 * @param batch images per autoencoder or adversarial step
 * @param lr the autoencoder's Adam step size, decayed linearly to 0 over its last 30% of steps
 * @param gradWeight weight of the multi-scale image-gradient L1 beside the pixel L1
 * @param gradClip global gradient-norm bound in the autoencoder phase
 * @param ganLr Adam step size of decoder and critic in the adversarial phase (betas 0.5, 0.99)
 * @param advWeight weight of the critic's term in the decoder's loss
 * @param flowBatch codes per flow step
 * @param flowLr the flow's Adam step size, decayed linearly to 0 over its second half
 */
public record TwoStageConfig(AeConfig ae, FlowConfig flow, int aeSteps, int ganSteps, int flowSteps, int batch,
    double lr, double gradWeight, double gradClip, double ganLr, double advWeight, int flowBatch, double flowLr) {

  public TwoStageConfig {
    if (aeSteps < 1 || flowSteps < 1 || ganSteps < 0) {
      throw new BadParameter("two-stage steps: autoencoder and flow at least 1, adversarial 0 or more; got "
          + aeSteps + ", " + flowSteps + ", " + ganSteps);
    }
    if (batch < 2 || batch > 4096 || flowBatch < 1 || flowBatch > 65536) {
      throw new BadParameter("--batch must be in 2..4096, not " + batch);
    }
    if (!(lr > 0 && ganLr > 0 && flowLr > 0 && gradWeight >= 0 && advWeight >= 0 && gradClip >= 0)) {
      throw new BadParameter("two-stage learning rates must be positive and weights 0 or more");
    }
    if (flow.latent() != ae.latent()) {
      throw new BadParameter("the flow's latent (" + flow.latent() + ") must be the autoencoder's (" + ae.latent() + ")");
    }
  }

  /** The measured design at this resolution and latent size, with a preset's steps. */
  public static TwoStageConfig defaults(int resolution, int latent, int width, Preset preset) {
    AeConfig d = AeConfig.defaults(resolution);
    AeConfig ae = new AeConfig(resolution, latent, width, Math.max(d.maxChannels(), width), d.residual(), d.top(),
        d.codeNoise());
    return new TwoStageConfig(ae, FlowConfig.defaults(latent), preset.aeSteps(), preset.ganSteps(),
        preset.flowSteps(), 32, 1e-3, 1.0, 10.0, 2e-4, 0.1, 256, 1e-3);
  }

  /** The same with another batch of images per step. */
  public TwoStageConfig withBatch(int b) {
    return new TwoStageConfig(ae, flow, aeSteps, ganSteps, flowSteps, b, lr, gradWeight, gradClip, ganLr, advWeight,
        flowBatch, flowLr);
  }

  /** The same with other steps per phase. */
  public TwoStageConfig withSteps(int ae, int gan, int flowSteps) {
    return new TwoStageConfig(this.ae, flow, ae, gan, flowSteps, batch, lr, gradWeight, gradClip, ganLr, advWeight,
        flowBatch, flowLr);
  }

  /** Steps in all, over the three phases: what checkpoints and metrics count. */
  public int steps() {
    return aeSteps + ganSteps + flowSteps;
  }

  /** The phase a step (0-based, counted over all phases) belongs to. */
  public Phase phaseOf(int step) {
    return step < aeSteps ? Phase.AE : step < aeSteps + ganSteps ? Phase.GAN : Phase.FLOW;
  }

  /** The first step of a phase, counted over all phases. */
  public int firstStep(Phase p) {
    return switch (p) {
      case AE -> 0;
      case GAN -> aeSteps;
      case FLOW -> aeSteps + ganSteps;
    };
  }

  /** The phases in order. */
  public enum Phase { AE, GAN, FLOW }
}

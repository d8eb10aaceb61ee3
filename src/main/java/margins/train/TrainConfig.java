package margins.train;

import margins.BadParameter;

/**
 * How to train: every field has a default, and the resolved config is written before training starts.
 *
 * @param steps optimisation steps in all
 * @param batch images per step
 * @param learningRate Adam's step size
 * @param beta weight of the KL term once warmed up
 * @param klWarmup steps over which the KL weight rises linearly from 0 to beta (0: none)
 * @param flip mirror images left-right at random (augmentation)
 * @param seed seeds the weights' initialisation, the batches and the noise
 * @param gradClip global gradient-norm bound (0: none)
 * @param checkpointEvery steps between checkpoints
 * @param sheetEvery steps between sample and reconstruction sheets
 * @param logEvery steps between metric lines
 * @param latent latent size
 * @param width channels of the first stage
 * @param holdout fraction of the archive kept out of training, as the reference that measures compare with
 */
public record TrainConfig(
    int steps,
    int batch,
    double learningRate,
    double beta,
    int klWarmup,
    boolean flip,
    long seed,
    double gradClip,
    int checkpointEvery,
    int sheetEvery,
    int logEvery,
    int latent,
    int width,
    double holdout) {

  public TrainConfig {
    positive("--steps", steps);
    if (batch < 1 || batch > 4096) {
      throw new BadParameter("--batch must be in 1..4096, not " + batch);
    }
    if (!(learningRate > 0 && learningRate < 1e30)) {
      throw new BadParameter("--lr must be positive, not " + learningRate);
    }
    if (!(beta >= 0 && beta <= 1000)) {
      throw new BadParameter("--beta must be in 0..1000, not " + beta);
    }
    if (klWarmup < 0) {
      throw new BadParameter("--kl-warmup must be 0 or more steps, not " + klWarmup);
    }
    if (!(gradClip >= 0)) {
      throw new BadParameter("--grad-clip must be 0 (off) or positive, not " + gradClip);
    }
    if (!(holdout >= 0 && holdout <= 0.5)) {
      throw new BadParameter("--holdout must be in 0..0.5, not " + holdout);
    }
    positive("--checkpoint-every", checkpointEvery);
    positive("--sheet-every", sheetEvery);
    positive("--log-every", logEvery);
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new BadParameter(name + " must be at least 1, not " + v);
    }
  }

  /** The defaults: what `margins train` does with no options. */
  public static TrainConfig defaults() {
    // beta 3 and 32 latents: a demo sheet drawn from the prior shows faces, flags and animals rather than
    // the noisy blobs beta 1 with 64 latents gives (compared on the demo archive at 2,000 steps).
    return new TrainConfig(6000, 64, 1e-3, 3.0, 1000, false, 0, 100.0, 500, 1000, 50, 32, 32, 0.1);
  }

  public TrainConfig withSteps(int s) {
    return new TrainConfig(s, batch, learningRate, beta, klWarmup, flip, seed, gradClip,
        checkpointEvery, sheetEvery, logEvery, latent, width, holdout);
  }

  /** The same with left-right mirroring on or off. */
  public TrainConfig withFlip(boolean f) {
    return new TrainConfig(steps, batch, learningRate, beta, klWarmup, f, seed, gradClip,
        checkpointEvery, sheetEvery, logEvery, latent, width, holdout);
  }

  /** KL weight at a step: linear warm-up, then beta. */
  public double klWeight(int step) {
    return klWarmup == 0 ? beta : beta * Math.min(1.0, (step + 1) / (double) klWarmup);
  }
}

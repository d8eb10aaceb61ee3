package margins.train;

import margins.network.VaeConfig;

/**
 * The resolved configuration a run writes first: how it trains, the architecture, and what it learns from.
 *
 * @param train the training options
 * @param vae the VAE's architecture (null for a two-stage run)
 * @param archiveHash the prepared archive's hash
 * @param archiveCount how many images the archive holds
 * @param engine engine, version and device
 * @param software the Margins version
 * @param heldOut indices of the archive images kept out of training
 * @param twoStage the two-stage model's architecture and phases (null for a VAE run, and in runs written before it)
 */
public record RunConfig(
    TrainConfig train, VaeConfig vae, String archiveHash, int archiveCount, String engine, String software,
    int[] heldOut, TwoStageConfig twoStage) {

  /** A VAE run's configuration. */
  public RunConfig(TrainConfig train, VaeConfig vae, String archiveHash, int archiveCount, String engine,
      String software, int[] heldOut) {
    this(train, vae, archiveHash, archiveCount, engine, software, heldOut, null);
  }

  /** What this run trains: "two-stage" (autoencoder and flow) or "vae". */
  public String kind() {
    return twoStage == null ? "vae" : "two-stage";
  }

  /** The same run trained for a different number of steps. */
  public RunConfig withSteps(int steps) {
    return withTrain(train.withSteps(steps));
  }

  /** The same run with other training options. */
  public RunConfig withTrain(TrainConfig t) {
    return new RunConfig(t, vae, archiveHash, archiveCount, engine, software, heldOut, twoStage);
  }
}

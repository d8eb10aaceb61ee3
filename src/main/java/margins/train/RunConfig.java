package margins.train;

import margins.network.VaeConfig;

/**
 * The resolved configuration a run writes first: how it trains, the architecture, and what it learns from.
 *
 * @param train the training options
 * @param vae the network's architecture
 * @param archiveHash the prepared archive's hash
 * @param archiveCount how many images the archive holds
 * @param engine engine, version and device
 * @param software the Margins version
 * @param heldOut indices of the archive images kept out of training
 */
public record RunConfig(
    TrainConfig train, VaeConfig vae, String archiveHash, int archiveCount, String engine, String software,
    int[] heldOut) {

  /** The same run trained for a different number of steps. */
  public RunConfig withSteps(int steps) {
    return withTrain(train.withSteps(steps));
  }

  /** The same run with other training options. */
  public RunConfig withTrain(TrainConfig t) {
    return new RunConfig(t, vae, archiveHash, archiveCount, engine, software, heldOut);
  }
}

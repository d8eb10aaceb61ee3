package margins.train;

/**
 * What `--resume` may change about a run: how far it trains, and how often it checkpoints, draws sheets and logs.
 * Anything else (learning rate, architecture, seed, batch, ...) would make it another run than the one its
 * checkpoints and metrics describe, so it is refused. Null keeps the saved value.
 *
 * @param steps the new total number of steps, beyond the checkpoint's
 * @param checkpointEvery steps between checkpoints
 * @param sheetEvery steps between sheets
 * @param logEvery steps between metric lines
 */
public record ResumeChanges(Integer steps, Integer checkpointEvery, Integer sheetEvery, Integer logEvery) {

  /** Nothing changes: the run continues to its saved number of steps. */
  public static final ResumeChanges NONE = new ResumeChanges(null, null, null, null);

  /** The saved configuration with these changes. */
  public TrainConfig applyTo(TrainConfig c) {
    return new TrainConfig(or(steps, c.steps()), c.batch(), c.learningRate(), c.beta(), c.klWarmup(), c.flip(),
        c.seed(), c.gradClip(), or(checkpointEvery, c.checkpointEvery()), or(sheetEvery, c.sheetEvery()),
        or(logEvery, c.logEvery()), c.latent(), c.width(), c.holdout());
  }

  private static int or(Integer v, int saved) {
    return v == null ? saved : v;
  }
}

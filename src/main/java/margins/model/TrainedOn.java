package margins.model;

import java.nio.file.Path;
import margins.Json;
import margins.MarginsException;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.train.RunConfig;
import margins.train.RunDir;

/**
 * The archive a model learned from, split as the run that trained it recorded: what samplers draw around, what
 * clusters and measures are fitted on.
 *
 * @param archive the whole prepared archive, held-out images included
 * @param trainIndices archive indices the model was trained on
 * @param heldOut archive indices kept out of training
 */
public record TrainedOn(TrainingSet archive, int[] trainIndices, int[] heldOut) {

  /** The studio's archive and the split of the run that trained this model; refused if it was re-ingested since. */
  public static TrainedOn of(Path studio, Model model) {
    TrainingSet archive = TrainingSet.of(PreparedArchive.open(studio));
    RunDir run = RunDir.find(studio, model.run());
    RunConfig config = Json.read(run.config(), RunConfig.class);
    if (!config.archiveHash().equals(archive.hash())) {
      throw new MarginsException("the studio's archive is not the one run " + run.name()
          + " was trained on (was it re-ingested?); train again or use the studio it was trained in");
    }
    TrainingSet.Split split = archive.split(config.train().holdout());
    return new TrainedOn(archive, split.trainIndices(), split.heldOut());
  }

  /** The training split alone. */
  public TrainingSet trainingSplit() {
    return archive.subset(trainIndices);
  }
}

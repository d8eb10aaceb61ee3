package margins.explore.regime;

import java.nio.file.Path;
import margins.Json;
import margins.archive.PreparedArchive;
import margins.explore.Codes;
import margins.explore.Generator;
import margins.train.Model;
import margins.train.RunConfig;
import margins.train.RunDir;
import margins.train.TrainingSet;

/** What a sampler may look at: the model, the archive it learned from (its training split) and its codes. */
public final class SamplerContext {

  private final Generator generator;
  private final TrainingSet archive;
  private final int[] trainIndices;
  private final int[] heldOut;
  private final Params params;
  private Codes codes;

  public SamplerContext(Generator generator, TrainingSet archive, int[] trainIndices, int[] heldOut, Params params) {
    this.generator = generator;
    this.archive = archive;
    this.trainIndices = trainIndices;
    this.heldOut = heldOut;
    this.params = params;
  }

  /** The context for a studio's model: its archive split as the run that trained the model recorded it. */
  public static SamplerContext of(Path studio, Generator gen, Params params) {
    TrainingSet archive = TrainingSet.of(PreparedArchive.open(studio));
    RunDir run = RunDir.find(studio, gen.model().run());
    RunConfig config = Json.read(run.config(), RunConfig.class);
    if (!config.archiveHash().equals(archive.hash())) {
      throw new margins.MarginsException("the studio's archive is not the one run " + run.name()
          + " was trained on (was it re-ingested?); train again or use the studio it was trained in");
    }
    TrainingSet.Split split = archive.split(config.train().holdout());
    return new SamplerContext(gen, archive, split.trainIndices(), split.heldOut(), params);
  }

  public Generator generator() {
    return generator;
  }

  public Model model() {
    return generator.model();
  }

  public int latent() {
    return model().vae().config().latent();
  }

  /** The whole prepared archive, held-out images included. */
  public TrainingSet archive() {
    return archive;
  }

  /** Archive indices the model was trained on. */
  public int[] trainIndices() {
    return trainIndices.clone();
  }

  /** Archive indices kept out of training. */
  public int[] heldOut() {
    return heldOut.clone();
  }

  public Params params() {
    return params;
  }

  /** The training split, encoded (row i is archive item trainIndices()[i]); computed once. */
  public synchronized Codes codes() {
    if (codes == null) {
      codes = Codes.encode(model().vae(), archive.subset(trainIndices));
    }
    return codes;
  }
}

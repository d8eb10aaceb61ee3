package margins.model;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.BadParameter;
import margins.MarginsException;
import margins.engine.ConvPath;
import margins.network.CodeDensity;
import margins.network.Generative;
import margins.train.Checkpoint;
import margins.train.RunDir;
import margins.train.TwoStageCheckpoint;

/**
 * A trained model ready to generate: the network, the density learned over its codes (two-stage models; null for
 * a VAE, whose prior is the Gaussian) and where it comes from (run, checkpoint file, hash).
 */
public record Model(Generative vae, String run, Path checkpoint, String relativePath, String sha256, int step,
    CodeDensity density) implements AutoCloseable {

  /** A model without a learned density (a VAE). */
  public Model(Generative vae, String run, Path checkpoint, String relativePath, String sha256, int step) {
    this(vae, run, checkpoint, relativePath, sha256, step, null);
  }

  /** The last checkpoint of a run (the newest run with one when run is null), or a given checkpoint file. */
  public static Model load(Path studio, String run, Path checkpoint, Device device) {
    Path file;
    if (checkpoint != null) {
      if (!Files.isRegularFile(checkpoint)) {
        throw new MarginsException("no checkpoint file " + checkpoint);
      }
      file = checkpoint;
    } else {
      RunDir r = RunDir.find(studio, run);
      file = r.latestCheckpoint().orElseThrow(() -> new MarginsException("run " + r.name() + " has no checkpoint yet"));
    }
    return of(studio, file, device);
  }

  /** The checkpoint with this hash: first where the recipe says it is, then anywhere in the studio's runs. */
  public static Model byHash(Path studio, String relativePath, String sha256, Device device) {
    Path expected = relativePath == null ? null : studio.resolve(relativePath).normalize();
    if (expected != null && Files.isRegularFile(expected) && Checkpoint.sha256(expected).equals(sha256)) {
      return of(studio, expected, device);
    }
    for (RunDir r : RunDir.list(studio)) {
      for (Path f : r.checkpointFiles()) {
        if (Checkpoint.sha256(f).equals(sha256)) {
          return of(studio, f, device);
        }
      }
    }
    throw new MarginsException("the checkpoint that made this image (" + relativePath + ", sha256 "
        + sha256.substring(0, 12) + "…) is not in " + studio
        + ": it was pruned by a later checkpoint, or the image comes from another studio (use --studio)");
  }

  private static Model of(Path studio, Path file, Device device) {
    Path abs = file.toAbsolutePath().normalize();
    Path s = studio.toAbsolutePath().normalize();
    String rel = abs.startsWith(s) ? s.relativize(abs).toString() : abs.toString();
    Path runDir = abs.getParent() == null ? null : abs.getParent().getParent();
    String run = runDir == null ? "" : runDir.getFileName().toString();
    if (Checkpoint.kind(file).equals(TwoStageCheckpoint.KIND)) {
      TwoStageCheckpoint.Loaded t = TwoStageCheckpoint.read(file, device);
      if (t.critic() != null) {
        t.critic().close(); // the critic only trains; generation never reads it
      }
      TwoStageCheckpoint.Header h = t.header();
      CodeDensity density = h.codeMean() == null ? null
          : new CodeDensity(t.flow().forGeneration(), h.codeMean(), h.codeSd());
      if (density == null) {
        t.flow().close();
      }
      return new Model(t.ae().forGeneration(), run, abs, rel, t.sha256(), h.step(), density);
    }
    Checkpoint.Loaded l = Checkpoint.read(file, device);
    return new Model(l.vae().forGeneration(), run, abs, rel, l.sha256(), l.header().step());
  }

  /** The learned density over codes, or a clear refusal (bad usage: exit 2) for a model that has none. */
  public CodeDensity requireDensity(String who) {
    if (density == null) {
      throw new BadParameter(who + " draws from the density a two-stage model learns over its codes; "
          + id() + " has none (a VAE, or a run stopped before its flow phase): use another sampler, or train"
          + " with --model two-stage");
    }
    return density;
  }

  /** Where and how this model computes now, as recipes record it (see {@link ConvPath#label}). */
  public String device() {
    return ConvPath.label(vae.manager().getDevice());
  }

  /** A short id for file names and recipes: the run and the step. */
  public String id() {
    return run + "@" + step;
  }

  @Override
  public void close() {
    vae.close();
    if (density != null) {
      density.close();
    }
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Json;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.train.ResumeChanges;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** `margins train`: trains a VAE on the studio's archive in a new numbered run, or resumes one. */
@Command(name = "train", header = "Train a model on the studio's archive, or resume a run.", mixinStandardHelpOptions = true,
    description = "Train a VAE on the studio's prepared archive (a new run in studio/runs), or --resume one.")
public final class TrainCommand implements Callable<Integer> {

  private static final TrainConfig D = TrainConfig.defaults();

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--steps", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
  int steps = D.steps();

  @Option(names = "--batch", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch = D.batch();

  @Option(names = "--lr", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  double lr = D.learningRate();

  @Option(names = "--beta", description = "Weight of the KL term (default: ${DEFAULT-VALUE}).")
  double beta = D.beta();

  @Option(names = "--kl-warmup", description = "Steps over which the KL weight rises to beta (default: ${DEFAULT-VALUE}).")
  int klWarmup = D.klWarmup();

  @Option(names = "--flip", description = "Mirror images left-right at random (augmentation).")
  boolean flip = D.flip();

  @Option(names = "--seed", description = "Seeds weights, batches and noise (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--grad-clip", description = "Bound on the gradients' global norm, 0 for none (default: ${DEFAULT-VALUE}).")
  double gradClip = D.gradClip();

  @Option(names = "--latent", description = "Latent size (default: ${DEFAULT-VALUE}).")
  int latent = D.latent();

  @Option(names = "--width", description = "Channels of the first stage (default: ${DEFAULT-VALUE}).")
  int width = D.width();

  @Option(names = "--holdout", description = "Fraction of the archive kept out of training as the measures' reference (default: ${DEFAULT-VALUE}).")
  double holdout = D.holdout();

  @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery = D.checkpointEvery();

  @Option(names = "--sheet-every", description = "Steps between sample sheets (default: ${DEFAULT-VALUE}).")
  int sheetEvery = D.sheetEvery();

  @Option(names = "--log-every", description = "Steps between metric lines (default: ${DEFAULT-VALUE}).")
  int logEvery = D.logEvery();

  @Option(names = "--resume", arity = "0..1", paramLabel = "RUN", fallbackValue = "",
      description = "Continue a run (the newest one if no name is given) from its last checkpoint.")
  String resume;

  @Option(names = "--dry-run", description = "Print the resolved config and exit without training.")
  boolean dryRun;

  /** Options a resumed run may take; the others would make it another run than its checkpoints describe. */
  private static final List<String> RESUMABLE = List.of("--steps", "--checkpoint-every", "--sheet-every",
      "--log-every", "--resume", "--studio", "--device", "--dry-run");

  /** The changes --resume applies, after refusing options that cannot change on a resumed run. */
  private ResumeChanges resumeChanges() {
    ParseResult p = spec.commandLine().getParseResult();
    List<String> refused = p.matchedOptions().stream().map(o -> o.longestName())
        .filter(n -> !RESUMABLE.contains(n)).toList();
    if (!refused.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--resume continues a run with its own settings; "
          + String.join(", ", refused) + (refused.size() == 1 ? " cannot" : " cannot") + " change on a resumed run."
          + " Leave " + (refused.size() == 1 ? "it" : "them") + " out, or start a new run. A resume may change "
          + "--steps, --checkpoint-every, --sheet-every and --log-every.");
    }
    return new ResumeChanges(p.hasMatchedOption("--steps") ? steps : null,
        p.hasMatchedOption("--checkpoint-every") ? checkpointEvery : null,
        p.hasMatchedOption("--sheet-every") ? sheetEvery : null,
        p.hasMatchedOption("--log-every") ? logEvery : null);
  }

  @Override
  public Integer call() {
    TrainConfig config = new TrainConfig(steps, batch, lr, beta, klWarmup, flip, seed, gradClip,
        checkpointEvery, sheetEvery, logEvery, latent, width, holdout);
    PrintWriter out = spec.commandLine().getOut();
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio.dir()));
    var dev = device.resolve();
    if (dryRun) {
      out.print(Json.pretty(Training.resolve(set, config, dev, Version.software())));
      out.flush();
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    TrainResult r = resume != null
        ? Training.resume(studio.dir(), resume.isEmpty() ? null : resume, set, resumeChanges(), dev, err, terminal)
        : Training.start(studio.dir(), set, Training.resolve(set, config, dev, Version.software()), dev, err, terminal);
    out.printf("trained %d steps in %.0f s (%.0f images/s), loss %.1f per image%n",
        r.steps(), r.seconds(), r.imgPerSec(), r.loss());
    out.println("run:        " + r.run().dir());
    out.println("checkpoint: " + r.checkpoint());
    out.println("sheets:     " + r.run().sheets());
    out.flush();
    return 0;
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.Json;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.train.Preset;
import margins.train.ResumeChanges;
import margins.train.RunConfig;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;
import margins.train.TwoStageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** `margins train`: trains a VAE or the two-stage model on the studio's archive in a new numbered run, or resumes one. */
@Command(name = "train", header = "Train a model on the studio's archive, or resume a run.", mixinStandardHelpOptions = true,
    description = "Train a VAE or the two-stage model on the studio's prepared archive (a new run in studio/runs), or --resume one.")
public final class TrainCommand implements Callable<Integer> {

  private static final TrainConfig D = TrainConfig.defaults();
  private static final List<String> MODELS = List.of("vae", "two-stage");

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--model", paramLabel = "KIND", description = "What to train: two-stage (a sharp autoencoder,"
      + " a short adversarial fine-tune of its decoder, then a flow over its codes that the 'dream' sampler draws"
      + " from), or vae (the earlier model: softer images, its steps set by --steps) (default: ${DEFAULT-VALUE}).")
  String model = "two-stage";

  @Option(names = "--preset", paramLabel = "NAME", description = "How long to train, at 64x64 on two cores:"
      + " quick (two-stage: autoencoder 800, adversarial 150, flow 1000 steps, about 4 min; VAE 2000 steps, 6 min),"
      + " standard (1500, 300, 2000: about 7 min; VAE 6000: 19 min), long (3000, 1000, 4000: about 17 min;"
      + " VAE 12000: 38 min). A two-stage run's steps come from its preset (default standard); a VAE's from --steps.")
  String preset;

  @Option(names = "--phase-steps", paramLabel = "AE,GAN,FLOW", split = ",", description = "A two-stage run's"
      + " steps per phase (autoencoder, adversarial fine-tune, flow) instead of its preset's, e.g. 1500,0,2000.")
  int[] phaseSteps;

  @Option(names = "--steps", description = "Optimisation steps of a VAE (default: ${DEFAULT-VALUE}).")
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

  /** The two-stage model's phases and architecture, or null for a VAE run. */
  private TwoStageConfig twoStage(ParseResult p, int size) {
    Preset chosen = preset == null ? Preset.STANDARD : Preset.byName(preset);
    if (model.equals("vae")) {
      if (phaseSteps != null) {
        throw new BadParameter("--phase-steps is for --model two-stage; a VAE trains for --steps");
      }
      return null;
    }
    if (p.hasMatchedOption("--steps")) {
      throw new BadParameter("--steps sets a VAE's steps (--model vae); a two-stage run's steps come from --preset,"
          + " one of " + Arrays.stream(Preset.values()).map(Preset::id).toList() + ", or --phase-steps AE,GAN,FLOW");
    }
    TwoStageConfig d = TwoStageConfig.defaults(size, p.hasMatchedOption("--latent") ? latent : 64, width, chosen);
    if (phaseSteps != null) {
      if (phaseSteps.length != 3) {
        throw new BadParameter("--phase-steps takes three numbers, AE,GAN,FLOW (e.g. 1500,0,2000), not "
            + phaseSteps.length);
      }
      d = d.withSteps(phaseSteps[0], phaseSteps[1], phaseSteps[2]);
    }
    return p.hasMatchedOption("--batch") ? d.withBatch(batch) : d;
  }

  @Override
  public Integer call() {
    ParseResult p = spec.commandLine().getParseResult();
    // Names are checked before the studio is opened: a typo is answered at once, whatever the studio holds.
    if (!MODELS.contains(model)) {
      throw new BadParameter("no model '" + model + "'; models: " + MODELS);
    }
    if (preset != null) {
      Preset.byName(preset);
    }
    boolean vaeByPreset = preset != null && model.equals("vae") && !p.hasMatchedOption("--steps");
    int vaeSteps = vaeByPreset ? Preset.byName(preset).vaeSteps() : steps;
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio.dir()));
    TwoStageConfig two = twoStage(p, set.size());
    // A two-stage run mirrors images by default: its codes (and the flow over them) then cover both orientations.
    boolean mirror = flip || (two != null && !p.hasMatchedOption("--flip"));
    TrainConfig config = new TrainConfig(vaeSteps, batch, lr, beta, klWarmup, mirror, seed, gradClip,
        checkpointEvery, sheetEvery, logEvery, latent, width, holdout);
    PrintWriter out = spec.commandLine().getOut();
    var dev = device.resolve();
    if (dryRun) {
      out.print(Json.pretty(Training.resolve(set, config, two, dev, Version.software())));
      out.flush();
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    TrainResult r = resume != null
        ? Training.resume(studio.dir(), resume.isEmpty() ? null : resume, set, resumeChanges(), dev, err, terminal)
        : Training.start(studio.dir(), set, Training.resolve(set, config, two, dev, Version.software()), dev, err,
            terminal);
    boolean vaeRun = Json.read(r.run().config(), RunConfig.class).twoStage() == null;
    out.printf(vaeRun ? "trained %d steps in %.0f s (%.0f images/s), loss %.1f per image%n"
        : "trained %d steps in %.0f s (%.0f images or codes/s), last loss %.4f%n",
        r.steps(), r.seconds(), r.imgPerSec(), r.loss());
    out.println("run:        " + r.run().dir());
    out.println("checkpoint: " + r.checkpoint());
    out.println("sheets:     " + r.run().sheets());
    out.flush();
    return 0;
  }
}

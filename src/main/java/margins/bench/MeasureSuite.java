package margins.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import margins.Json;
import margins.MarginsException;
import margins.archive.Ingest;
import margins.archive.IngestOptions;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.measure.Kind;
import margins.model.Model;
import margins.recipe.Regime;
import margins.report.ArchiveMeasurer;
import margins.report.RegimeFigures;
import margins.report.Survey;
import margins.train.RunConfig;
import margins.train.RunDir;
import margins.train.TrainConfig;
import margins.train.Training;

/**
 * `margins bench measure-suite`: the strangeness measure on archives of different character. Per archive: ingest
 * it into a studio under the cache folder, train a model with the defaults of `margins train` (or reuse the one
 * trained there before with the same config), then measure the held-out split, its reconstructions and softened
 * stand-ins, two noise baselines and both regimes, and judge the targets ({@link SuiteTargets}).
 */
public final class MeasureSuite {

  /** The archives measured by default: emoji, icons, glyphs, photographs (textures can be added by name). */
  public static final List<String> ARCHIVES = List.of("emoji", "icons", "glyphs", "photos");

  /**
   * What to run.
   *
   * @param archives the folder archives/build.sh filled: NAME/images/*.png
   * @param names the archives to measure
   * @param size image side to ingest at
   * @param cache where each archive's studio lives: NAME-SIZE
   * @param model train (or reuse) a model per archive; false measures only what needs none
   * @param steps training steps per model (the defaults of `margins train` otherwise)
   * @param n images per noise baseline and per regime
   * @param device where the model trains and decodes
   * @param software the version string runs record
   */
  public record Options(Path archives, List<String> names, int size, Path cache, boolean model, int steps, int n,
      Device device, String software) {

    /** The same options for other archives. */
    public Options withNames(List<String> other) {
      return new Options(archives, other, size, cache, model, steps, n, device, software);
    }
  }

  /**
   * One archive's figures.
   *
   * @param name the archive
   * @param steps the model's training steps (0 without a model)
   * @param images how many images it holds at this size
   * @param model the model's id, or "none"
   * @param tolerances each space's tolerance
   * @param nearDuplicates share of the held-out split with a near-duplicate in the training split, in plain pixels
   * @param batches the measured batches
   * @param figures the regime figures (empty without a model)
   * @param targets the targets and their verdicts
   * @param trainSeconds time spent training (0 when a model was reused or none was asked for)
   * @param measureSeconds time spent measuring, sampling and decoding included
   */
  public record ArchiveResult(String name, int images, String model, int steps, Map<String, Double> tolerances,
      double nearDuplicates, SuiteTargets.Batches batches, List<RegimeFigures.Line> figures,
      List<SuiteTargets.Target> targets, double trainSeconds, double measureSeconds) {

    /** Whether every target that can be judged is met. */
    public boolean passed() {
      return targets.stream().allMatch(t -> t.met() == null || t.met());
    }
  }

  private MeasureSuite() {}

  /** Runs every archive in turn, printing progress to log. */
  public static List<ArchiveResult> run(Options o, PrintWriter log) {
    List<ArchiveResult> out = new ArrayList<>();
    for (String name : o.names()) {
      out.add(runOne(o, name, log));
    }
    return out;
  }

  static ArchiveResult runOne(Options o, String name, PrintWriter log) {
    Path studio = o.cache().resolve(name + "-" + o.size());
    prepare(o, name, studio, log);
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio));
    double trainSeconds = 0;
    Model model = null;
    if (o.model()) {
      RunConfig wanted = Training.resolve(set, TrainConfig.defaults().withSteps(o.steps()), o.device(), o.software());
      Optional<RunDir> done = finishedRun(studio, wanted);
      if (done.isEmpty()) {
        log.println(name + ": training with the defaults of margins train, " + wanted.train().steps() + " steps");
        log.flush();
        long t = System.nanoTime();
        Training.start(studio, set, wanted, o.device(), log, false);
        trainSeconds = (System.nanoTime() - t) / 1e9;
      }
      model = Model.load(studio, done.map(RunDir::name).orElse(null), null, o.device());
    }
    long t0 = System.nanoTime();
    try {
      ArchiveMeasurer m;
      if (model != null) {
        m = ArchiveMeasurer.forStudio(studio, model);
      } else {
        TrainingSet.Split split = set.split(TrainConfig.defaults().holdout());
        m = ArchiveMeasurer.withoutModel(set, split.trainIndices(), split.heldOut(), PreparedArchive.open(studio).manifest());
      }
      log.println(name + ": measuring (" + set.count() + " images at " + o.size() + " px)");
      log.flush();
      SuiteTargets.Batches b = batches(m, o.n());
      double near = NearDuplicates.share(m);
      List<RegimeFigures.Line> figures = b.mimetic() == null ? List.of()
          : RegimeFigures.of(b.held(), b.mimetic(), b.alien(), b.gaussian(), b.shuffled());
      Map<String, Double> tolerances = new java.util.LinkedHashMap<>();
      for (String s : m.spaceIds()) {
        tolerances.put(s, m.tolerance(s));
      }
      return new ArchiveResult(name, set.count(), model == null ? "none" : model.id(), model == null ? 0 : o.steps(),
          tolerances, near, b, figures,
          SuiteTargets.of(b, near), trainSeconds, (System.nanoTime() - t0) / 1e9);
    } finally {
      if (model != null) {
        model.close();
      }
    }
  }

  /** Ingests the archive into the studio unless it is there at this size already. */
  private static void prepare(Options o, String name, Path studio, PrintWriter log) {
    if (Files.isRegularFile(studio.resolve("archive").resolve("archive.json"))) {
      return;
    }
    Path images = o.archives().resolve(name).resolve("images");
    if (!Files.isDirectory(images)) {
      throw new MarginsException("no archive " + images + ": build the archives first (archives/build.sh " + name
          + "), or give --archives");
    }
    IngestOptions d = IngestOptions.defaults();
    Ingest.run(images, studio, new IngestOptions(o.size(), d.frame(), d.background()), log);
  }

  /** The newest run of the studio trained to the end with exactly this config (software and engine aside). */
  static Optional<RunDir> finishedRun(Path studio, RunConfig wanted) {
    ObjectNode want = comparable(Json.MAPPER.valueToTree(wanted));
    List<RunDir> runs = new ArrayList<>(RunDir.list(studio));
    java.util.Collections.reverse(runs);
    for (RunDir r : runs) {
      if (!Files.isRegularFile(r.config()) || r.latestCheckpoint().isEmpty()
          || RunDir.stepOf(r.latestCheckpoint().get()) < wanted.train().steps()) {
        continue;
      }
      try {
        if (comparable((ObjectNode) Json.MAPPER.readTree(r.config().toFile())).equals(want)) {
          return Optional.of(r);
        }
      } catch (java.io.IOException | ClassCastException e) {
        // An unreadable config is not the run we want.
      }
    }
    return Optional.empty();
  }

  private static ObjectNode comparable(ObjectNode config) {
    ObjectNode c = config.deepCopy();
    c.remove("software");
    c.remove("engine");
    return c;
  }

  /** Held-out, reconstructions and softened stand-ins, the noise baselines and, with a model, both regimes. */
  static SuiteTargets.Batches batches(ArchiveMeasurer m, int n) {
    Survey.Measured held = Survey.heldOut(m);
    List<Survey.Measured> base = Survey.baselines(m, n);
    List<Survey.Measured> softened = Softened.all(m);
    if (!m.hasModel()) {
      return new SuiteTargets.Batches(held, base.get(0), base.get(1), softened, null, null, null);
    }
    Survey.Measured recon = Survey.reconstructions(m);
    Model model = m.context().model();
    Survey.Measured mimetic = Survey.sample(m, Survey.sampler(Regime.MIMETIC, null, model), n, null, null);
    Survey.Measured alien = Survey.sample(m, Survey.sampler(Regime.ALIEN, null, model), n, null, null);
    return new SuiteTargets.Batches(held, base.get(0), base.get(1), softened, recon, mimetic, alien);
  }

  /** One archive's figures as text: the batch table in the judging space, the regime figures, the targets. */
  public static String text(ArchiveResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d images, model %s", r.name(), r.images(), r.model()));
    if (r.steps() > 0) {
      sb.append(String.format(Locale.ROOT, " (%d steps)", r.steps()));
    }
    sb.append("; tolerance");
    r.tolerances().forEach((s, t) -> sb.append(String.format(Locale.ROOT, " %s %.3f", s, t)));
    sb.append(String.format(Locale.ROOT, "; trained %.0f s, measured %.0f s%n", r.trainSeconds(), r.measureSeconds()));
    sb.append(String.format(Locale.ROOT, "  %-44s %5s %7s %6s %6s %6s %6s %6s %8s %6s %6s %6s%n", "batch ("
        + ArchiveMeasurer.JUDGE + " space)", "n", "pruned", "copy", "mimet", "margin", "alien", "noise", "distance",
        "agree", "sharp", "coher"));
    for (Survey.Measured b : r.batches().all()) {
      var m = b.row().in(ArchiveMeasurer.JUDGE);
      sb.append(String.format(Locale.ROOT, "  %-44s %5d %7s", b.name(), b.size(),
          m == null ? "-" : SuiteTargets.f(m.prunedPrecision())));
      for (Kind k : Kind.values()) {
        sb.append(String.format(Locale.ROOT, " %6s", SuiteTargets.f(SuiteTargets.share(b, java.util.EnumSet.of(k)))));
      }
      sb.append(String.format(Locale.ROOT, " %8s %6s %6s %6s%n", SuiteTargets.f(RegimeFigures.meanDistance(b)),
          SuiteTargets.f(SuiteTargets.agreement(List.of(b))), SuiteTargets.f(b.row().sharpness()),
          SuiteTargets.f(b.row().coherence())));
    }
    if (!r.figures().isEmpty()) {
      sb.append("  regime figures:\n").append(RegimeFigures.text(r.figures()).replace("\n  ", "\n    ")
          .replaceFirst("^  ", "    "));
    }
    sb.append("  targets:\n");
    for (SuiteTargets.Target t : r.targets()) {
      sb.append(String.format(Locale.ROOT, "    %-5s %s: %s%n", t.verdict(), t.what(), t.value()));
    }
    return sb.toString();
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import margins.archive.IngestOptions;
import margins.bench.MeasureSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench measure-suite`: does the strangeness measure hold on archives of different character? */
@Command(name = "measure-suite", header = "Print whether the measure meets its targets on several archives.",
    mixinStandardHelpOptions = true, description = {
      "For each archive that archives/build.sh made (default: emoji, icons, glyphs, photos): ingest it into a",
      "studio under --cache, train a model with the defaults of 'margins train' (or reuse the one trained there",
      "with the same config), then print the kinds of the held-out split, its reconstructions and softened",
      "stand-ins, both noise baselines and both regimes, the regime figures, and a pass or FAIL per target.",
      "Training takes most of the time (minutes to tens of minutes per archive, see docs/measure.md); measuring",
      "an archive takes well under a minute. --no-model measures only what needs no model."})
public final class MeasureSuiteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DeviceOption device;

  @Option(names = "--archives", paramLabel = "DIR", description = "Where archives/build.sh wrote the archives"
      + " (default: ~/.cache/margins/archives).")
  Path archives;

  @Option(names = "--cache", paramLabel = "DIR", description = "Where each archive's studio and model are kept"
      + " (default: ~/.cache/margins/measure-suite).")
  Path cache;

  @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Archives to measure, by name"
      + " (default: emoji,icons,glyphs,photos; textures is built too).")
  List<String> only;

  @Option(names = "--size", defaultValue = "" + IngestOptions.DEFAULT_SIZE,
      description = "Image side: 32, 64 or 128 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", description = "Training steps per model (default: ${DEFAULT-VALUE}, as margins train).")
  int steps = margins.train.TrainConfig.defaults().steps();

  @Option(names = "--n", defaultValue = "256", description = "Images per noise baseline and per regime (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--no-model", description = "Train nothing: measure the held-out split, its softened stand-ins and"
      + " the noise baselines only.")
  boolean noModel;

  @Override
  public Integer call() {
    Ranges.oneOf("--size", size, IngestOptions.SIZES);
    Ranges.in("--n", n, 16, 10_000);
    Ranges.in("--steps", steps, 1, 1_000_000);
    Path home = Path.of(System.getProperty("user.home"), ".cache", "margins");
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      home = Path.of(xdg, "margins");
    }
    MeasureSuite.Options o = new MeasureSuite.Options(archives != null ? archives : home.resolve("archives"),
        only != null ? only : MeasureSuite.ARCHIVES, size, cache != null ? cache : home.resolve("measure-suite"),
        !noModel, steps, n, device.resolve(), Version.software());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    int passed = 0;
    for (String name : o.names()) {
      MeasureSuite.ArchiveResult r = MeasureSuite.run(o.withNames(List.of(name)), err).get(0);
      out.println(MeasureSuite.text(r));
      out.flush();
      passed += r.passed() ? 1 : 0;
    }
    out.printf("%d of %d archives meet every target (%.0f s in all)%n", passed, o.names().size(),
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    return 0;
  }
}

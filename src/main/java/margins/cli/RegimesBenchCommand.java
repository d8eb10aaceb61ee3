package margins.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import margins.bench.RegimesBenchmark;
import margins.report.RegimeFigures;
import margins.sample.SamplerParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench regimes`: do the two regimes do what they claim? Each target printed as met or not met. */
@Command(name = "regimes", header = "Print whether the regimes meet their targets.", mixinStandardHelpOptions = true,
    description = {
      "Sample a mimetic and an alien batch in memory (nothing is written) and print, in the network-independent",
      "pixel-structure space: mimetic pruned precision against the held-out split's, alien pruned precision,",
      "plain precision, alien distance to the archive against two noise baselines, and copy rates; each target",
      "as met or not met, after the full batch table."})
public final class RegimesBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--run", description = "Run whose model to measure (default: the newest trained run).")
  String run;

  @Option(names = "--n", defaultValue = "512", description = "Images per regime and per baseline (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--mimetic-sampler", paramLabel = "ID", description = "The mimetic sampler (default: the regime's default).")
  String mimetic;

  @Option(names = "--alien-sampler", paramLabel = "ID", description = "The alien sampler (default: the regime's default).")
  String alien;

  @Option(names = "--mimetic-param", paramLabel = "K=V", description = "A parameter of the mimetic sampler, repeatable.")
  Map<String, String> mimeticParams;

  @Option(names = "--alien-param", paramLabel = "K=V", description = "A parameter of the alien sampler, repeatable.")
  Map<String, String> alienParams;

  @Override
  public Integer call() {
    RegimesBenchmark.Result r = RegimesBenchmark.run(studio.dir(), run, n, mimetic, new SamplerParams(mimeticParams), alien,
        new SamplerParams(alienParams), device.resolve());
    PrintWriter o = spec.commandLine().getOut();
    o.println("regimes of " + r.model() + ", " + n + " images per batch, against the training split (k = 3):");
    o.println();
    o.print(r.table());
    o.println("figures (pixel-structure space):");
    o.print(RegimeFigures.text(r.lines()));
    if (!r.sharp().isEmpty()) {
      o.println("a model with a learned density (two-stage):");
      o.print(RegimeFigures.text(r.sharp()));
    }
    if (!r.caution().isEmpty()) {
      o.println(r.caution());
    }
    o.printf("(%.1f s)%n", r.seconds());
    o.flush();
    return 0;
  }
}

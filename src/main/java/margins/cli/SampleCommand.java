package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Seeds;
import margins.recipe.Outputs;
import margins.sample.Sampler;
import margins.sample.Samplers;
import margins.sample.Sampling;
import margins.store.Registrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins sample`: images named by their seeds, each with its recipe inside, and a contact sheet. */
@Command(name = "sample", header = "Make images from seeds, in the mimetic or the alien regime.", mixinStandardHelpOptions = true,
    description = {"Decode seeds into images with a sampler of either regime: mimetic (close to the archive) or",
        "alien (its margins). --psi alone: below 1 truncated (mimetic), above 1 tail (alien). --list shows samplers."})
public final class SampleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;
  @Mixin MeasureOption measure;
  @Mixin SamplerOptions choice;

  @Option(names = "--seeds", defaultValue = "0-63", description = "Seeds, e.g. 0-63 or 1,5,9 (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--psi", description = "Alone: latent scale, <1 truncated (mimetic), >1 tail (alien); with "
      + "a sampler: its psi parameter.")
  Double psi;

  @Option(names = "--list", description = "List every sampler: id, regime, description, parameters.")
  boolean list;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: studio/outputs/<run>-<sampler>).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    if (list) {
      for (Sampler s : Samplers.all()) {
        o.printf("%-20s %-8s %s%n%29s%s%n", s.id(), s.regime().id(), s.describe(), "params: ", s.usage());
      }
      o.flush();
      return 0;
    }
    var list = Seeds.parse(seeds);
    // Resolved before the model loads, so a bad option is answered at once; again after, for the model's defaults.
    Sampling.plan(choice.regime(), choice.sampler(), psi, choice.params());
    try (Model model = using.load();
        Registrar store = Registrar.of(using.studio(), spec.commandLine().getErr())) {
      Sampling.Plan plan = Sampling.plan(choice.regime(), choice.sampler(), psi, choice.params(),
          model.density() != null);
      Path dir = out != null ? out : using.studio().resolve("outputs").resolve(model.run() + "-" + plan.folder());
      Outputs.Written r = Sampling.sample(using.studio(), new Generator(model), plan, list, dir,
          measure.measurer(using.studio(), model), Version.software(), store);
      o.printf("%d images from %s (%s, %s) in %s%n", r.images().size(), model.id(), plan.sampler().id(),
          plan.sampler().regime().id(), dir);
      o.println("sheet: " + r.sheet());
      if (!r.kinds().isEmpty()) {
        o.println("measured against the archive: " + r.kinds() + " (per image: " + r.index() + ")");
      }
      store.report(o);
      o.flush();
    }
    return 0;
  }
}

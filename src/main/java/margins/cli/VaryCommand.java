package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Outputs;
import margins.sample.Vary;
import margins.store.Registrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins vary <image>`: k variations of any image, in the mimetic or the alien regime. */
@Command(name = "vary", header = "Make variations of any image, mimetic or alien.", mixinStandardHelpOptions = true,
    description = {"Encode any image (in the archive or not) and make k variations of it: mimetic (within its",
        "posterior spread) or alien (pushed away from its nearest archive cluster, tail scaling, activation noise)."})
public final class VaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;
  @Mixin MeasureOption measure;
  @Mixin SamplerOptions choice;

  @Parameters(paramLabel = "IMAGE", description = "An image file (PNG, JPEG, GIF, BMP, ...).")
  Path image;

  @Option(names = "--k", defaultValue = "16", description = "How many variations (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "0", description = "First seed; variations take seed, seed+1, ... "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: "
      + "studio/outputs/<run>-vary-<image>-<sampler>).")
  Path out;

  @Override
  public Integer call() {
    Vary.Request req = Vary.request(image, choice.regime(), choice.sampler(), k, seed, choice.params());
    try (Model model = using.load();
        Registrar store = Registrar.of(using.studio(), spec.commandLine().getErr())) {
      Path dir = out != null ? out : using.studio().resolve("outputs").resolve(model.run() + "-" + Vary.folder(req));
      Outputs.Written r = Vary.run(using.studio(), new Generator(model), req, dir,
          measure.measurer(using.studio(), model), Version.software(), store);
      PrintWriter o = spec.commandLine().getOut();
      o.printf("%d variations of %s (%s, %s) in %s%n", r.images().size(), image, req.sampler().id(),
          req.sampler().regime().id(), dir);
      o.println("sheet: " + r.sheet());
      store.report(o);
      o.flush();
    }
    return 0;
  }
}

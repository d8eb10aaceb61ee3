package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Outputs;
import margins.sample.Vary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins vary <image>`: k variations of any image, in the mimetic or the alien regime. */
@Command(name = "vary", mixinStandardHelpOptions = true,
    description = {"Encode any image (in the archive or not) and make k variations of it: mimetic (within its",
        "posterior spread) or alien (pushed away from its nearest archive cluster, tail scaling, activation noise)."})
public final class VaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;
  @Mixin MeasureOption measure;

  @Parameters(paramLabel = "IMAGE", description = "An image file (PNG, JPEG, GIF, BMP, ...).")
  Path image;

  @Option(names = "--regime", required = true, paramLabel = "mimetic|alien", description = "The regime.")
  String regime;

  @Option(names = "--sampler", paramLabel = "ID", description = "A sampler that can vary an image (default: "
      + "posterior for mimetic, extrapolate for alien).")
  String sampler;

  @Option(names = "--k", defaultValue = "16", description = "How many variations (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "0", description = "First seed; variations take seed, seed+1, ... "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--param", paramLabel = "K=V", description = "A sampler parameter, repeatable.")
  Map<String, String> params;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: "
      + "studio/outputs/<run>-vary-<image>-<sampler>).")
  Path out;

  @Option(names = "--run", description = "Run to use (default: the newest trained run).")
  String run;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint file, instead of a run's last one.")
  Path checkpoint;

  @Override
  public Integer call() {
    Vary.Request req = Vary.request(image, regime, sampler, k, seed, params);
    try (Model model = Model.load(studio.dir(), run, checkpoint, device.resolve())) {
      Path dir = out != null ? out : studio.dir().resolve("outputs").resolve(model.run() + "-" + Vary.folder(req));
      Outputs.Written r = Vary.run(studio.dir(), new Generator(model), req, dir,
          measure.measurer(studio.dir(), model), Version.software());
      PrintWriter o = spec.commandLine().getOut();
      o.printf("%d variations of %s (%s, %s) in %s%n", r.images().size(), image, req.sampler().id(),
          req.sampler().regime().id(), dir);
      o.println("sheet: " + r.sheet());
      o.flush();
    }
    return 0;
  }
}

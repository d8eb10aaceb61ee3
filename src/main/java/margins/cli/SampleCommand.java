package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.explore.Generator;
import margins.explore.Outputs;
import margins.explore.Sampling;
import margins.explore.Seeds;
import margins.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `margins sample`: images named by their seeds, each with its recipe inside, and a contact sheet. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Decode seeds into images: psi below 1 stays typical (mimetic), above 1 goes to the margins (alien).")
public final class SampleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--seeds", defaultValue = "0-63", description = "Seeds, e.g. 0-63 or 1,5,9 (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--psi", defaultValue = "0.7", description = "Latent scale: <1 typical, >1 marginal (default: ${DEFAULT-VALUE}).")
  double psi;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: studio/outputs/<run>-psi<psi>).")
  Path out;

  @Option(names = "--run", description = "Run to sample from (default: the newest trained run).")
  String run;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint file, instead of a run's last one.")
  Path checkpoint;

  @Override
  public Integer call() {
    var list = Seeds.parse(seeds);
    if (!(psi > 0 && psi <= 10)) {
      throw new IllegalArgumentException("--psi must be in (0, 10], not " + psi);
    }
    try (Model model = Model.load(studio.dir(), run, checkpoint, device.resolve())) {
      Path dir = out != null ? out : studio.dir().resolve("outputs").resolve(model.run() + "-psi" + psi);
      Outputs.Written r = Sampling.psi(new Generator(model), list, psi, dir, Version.software());
      PrintWriter o = spec.commandLine().getOut();
      o.printf("%d images from %s (psi %s) in %s%n", r.images().size(), model.id(), psi, dir);
      o.println("sheet: " + r.sheet());
      o.flush();
    }
    return 0;
  }
}

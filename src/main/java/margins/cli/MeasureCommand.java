package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.report.MeasureImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins measure <folder|run>`: where images fall between copy and alien, per image and per batch. */
@Command(name = "measure", header = "Place images between copy and alien against the archive.", mixinStandardHelpOptions = true,
    description = {
      "Measure images against the archive the model learned from, in three spaces (pixel-structure, which does not",
      "depend on the network and gives the kind; thumbnail, a second network-independent opinion; the model's",
      "encoder): per image its nearest archive item, realism, rarity and kind (copy, mimetic, marginal, alien, noise),",
      "its sharpness (mean |Laplacian| over the held-out split's: 1 = as crisp as the archive) and coherence",
      "(neighbouring-pixel correlation: pictures near 1, noise near 0) into measures.jsonl; per batch precision,",
      "recall, density, coverage, KID, copy rate, sharpness and coherence, printed with the archive's held-out split",
      "as the reference row.",
      "A folder of Margins PNGs is measured as it is (nothing is rewritten); a run name samples a mimetic and an",
      "alien batch with the regimes' default samplers and measures them."})
public final class MeasureCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Parameters(paramLabel = "FOLDER|RUN", description = "A folder of Margins PNGs, or a run name or number (e.g. 00000).")
  String target;

  @Option(names = "--n", defaultValue = "256", description = "For a run: images per regime (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--mimetic-sampler", paramLabel = "ID", description = "For a run: the mimetic sampler (default: the regime's default).")
  String mimetic;

  @Option(names = "--alien-sampler", paramLabel = "ID", description = "For a run: the alien sampler (default: the regime's default).")
  String alien;

  @Option(names = "--out", paramLabel = "DIR", description = "For a run: where the batches go (default: studio/outputs/<run>-measure-n<n>).")
  Path out;

  @Override
  public Integer call() {
    Path folder = Path.of(target);
    MeasureImages.Result r;
    if (Files.isDirectory(folder)) {
      r = MeasureImages.folder(studio.dir(), folder.toAbsolutePath().normalize(), device.resolve());
    } else {
      MeasureImages.checkCount(n);
      r = MeasureImages.run(studio.dir(), target, n, mimetic, alien, out, device.resolve(), Version.software());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("measured against the training split of " + r.model() + " (k = 3):");
    o.println();
    o.print(r.table());
    for (Path p : r.written()) {
      o.println("per image: " + p);
    }
    o.flush();
    return 0;
  }
}

package margins.cli;

import java.util.concurrent.Callable;
import margins.bench.MeasureBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench measure`: how fast outputs are measured against an archive, and in how much memory. */
@Command(name = "measure", header = "Print measuring speed and memory.", mixinStandardHelpOptions = true,
    description = {"Time measuring outputs against an archive of random images in the pixel-structure space",
        "(embed, fit the archive's k-NN balls, place each output, batch measures), then 10x the outputs for",
        "peak memory. Targets: 1,000 outputs against 4,500 archive items in <= 10 s; 10,000 outputs under 1 GB."})
public final class MeasureBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--archive", defaultValue = "4500", description = "Archive items (default: ${DEFAULT-VALUE}).")
  int archive;

  @Option(names = "--outputs", defaultValue = "1000", description = "Outputs to measure (default: ${DEFAULT-VALUE}).")
  int outputs;

  @Option(names = "--size", defaultValue = "32", description = "Image side (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  public Integer call() {
    Ranges.in("--archive", archive, 10, 1_000_000);
    Ranges.in("--outputs", outputs, 10, 1_000_000);
    Ranges.in("--size", size, 8, 128);
    MeasureBenchmark.print(MeasureBenchmark.run(archive, outputs, size, 1L), archive, outputs, size,
        spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import margins.Json;
import margins.archive.IngestOptions;
import margins.bench.WalkSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench walk`: walk rendering speed on a randomly initialised default VAE. */
@Command(name = "walk", header = "Print walk rendering speed.", mixinStandardHelpOptions = true,
    description = "Print frames/s rendering a noise-loop walk in batches, one frame alone, and where the time goes"
        + " (network, tensor-to-image conversion, GIF encoding).")
public final class WalkBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DeviceOption device;

  @Option(names = "--size", defaultValue = "64", description = "Image side: 32, 64 or 128 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--frames", defaultValue = "512", description = "Frames, 2 to 10000 (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--batch", defaultValue = "32", description = "Frames per batch, 1 to 1024 (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", defaultValue = "0",
      description = "The engine's intra-op threads, 0 = its own choice (one per core) (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print one JSON line instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    Ranges.oneOf("--size", size, IngestOptions.SIZES);
    Ranges.in("--frames", frames, 2, 10_000);
    Ranges.in("--batch", batch, 1, 1024);
    Ranges.in("--threads", threads, 0, 256);
    WalkSpeed.Figures f = WalkSpeed.run(size, frames, batch, threads, device.resolve());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.line(f));
    } else {
      out.printf("walk %dx%d, %d frames in batches of %d, %d engine threads: %.0f frames/s; one frame alone %.2f ms%n",
          f.size(), f.size(), f.frames(), f.batch(), f.threads(), f.framesPerSec(), f.oneFrameMs());
      out.printf("  per frame: network %.3f ms, tensor-to-image %.3f ms, GIF encoding %.3f ms%n",
          f.decodeMsPerFrame(), f.convertMsPerFrame(), f.gifMsPerFrame());
    }
    out.flush();
    return 0;
  }
}

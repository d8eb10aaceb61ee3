package margins.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import margins.Json;
import margins.engine.Cpu;
import margins.studio.Load;
import margins.studio.Server;
import margins.studio.Studio;
import margins.studio.WalkRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench studio`: many pages on the studio at once, memory and acts lost, and the live walk's frame rate. */
@Command(name = "studio", header = "Print the studio's behaviour under many pages at once.", mixinStandardHelpOptions = true,
    description = {"Start the studio on the trained model (loopback, a free port) and have --clients pages each"
        + " make grids, keep, reject, choose parents and breed for --seconds; print requests, busy answers, grid"
        + " latency, peak heap and the acknowledged acts missing from the journal (there should be none); then walk"
        + " a tile live for --walk-seconds and print the frames per second a page's WebSocket receives at the"
        + " walk's clock, naming the machine (CPU model, cores). Writes its explorations into the studio.", ""})
public final class StudioBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "50", description = "Pages at once, 1 to 500 (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "How long, 1 to 3600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--walk-seconds", paramLabel = "S", defaultValue = "10",
      description = "How long the live walk's frames are counted, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int walkSeconds;

  @Option(names = "--json", description = "Print one JSON line instead of a table.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    Ranges.in("--clients", clients, 1, 500);
    Ranges.in("--seconds", seconds, 1, 3600);
    Ranges.in("--walk-seconds", walkSeconds, 1, 600);
    Load.Result r;
    WalkRate.Result w;
    try (Studio studio = Studio.open(Studio.Options.of(using.studio(), using.device(), Version.software()),
        using.load());
        Server server = Server.start(studio, 0)) {
      r = Load.run(server, clients, Duration.ofSeconds(seconds));
      w = WalkRate.measure(server, Duration.ofSeconds(walkSeconds));
    }
    Cpu cpu = Cpu.here();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.line(Map.of("load", r, "walk", w, "cpu", cpu.model(), "cores", cpu.cores())));
    } else {
      out.printf("studio under %d pages for %.0f s: %d requests, %d acts acknowledged, %d lost, %d busy answers,"
          + " %d errors%n", r.clients(), r.seconds(), r.requests(), r.acts(), r.lost(), r.busy(), r.errors());
      out.printf("  grid answered in %.0f ms (median), %.0f ms (95th percentile); heap %d MB at most, %d MB after;"
          + " %d explorations in memory%n", r.gridMsP50(), r.gridMsP95(), r.peakHeapMb(), r.heapAfterMb(), r.cached());
      out.printf("  live walk: %.1f frames/s received by a page's WebSocket (the walk's clock: %d frames/s), %d"
          + " frames over %.1f s; on %s, %d cores%n", w.fps(), w.clock(), w.frames(), w.seconds(), cpu.model(),
          cpu.cores());
    }
    out.flush();
    return r.lost() == 0 && r.errors() == 0 ? 0 : 1;
  }
}

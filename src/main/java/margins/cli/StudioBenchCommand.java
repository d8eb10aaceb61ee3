package margins.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import margins.Json;
import margins.studio.Load;
import margins.studio.Server;
import margins.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench studio`: many pages on the studio at once, memory and acts lost. */
@Command(name = "studio", header = "Print the studio's behaviour under many pages at once.", mixinStandardHelpOptions = true,
    description = {"Start the studio on the trained model (loopback, a free port) and have --clients pages each"
        + " make grids, keep, reject, choose parents and breed for --seconds; print requests, busy answers, grid"
        + " latency, peak heap and the acknowledged acts missing from the journal (there should be none). Writes"
        + " its explorations into the studio.", ""})
public final class StudioBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "50", description = "Pages at once, 1 to 500 (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "How long, 1 to 3600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--json", description = "Print one JSON line instead of a table.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    Ranges.in("--clients", clients, 1, 500);
    Ranges.in("--seconds", seconds, 1, 3600);
    Load.Result r;
    try (Studio studio = Studio.open(Studio.Options.of(using.studio(), using.device(), Version.software()),
        using.load());
        Server server = Server.start(studio, 0)) {
      r = Load.run(server, clients, Duration.ofSeconds(seconds));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.line(r));
    } else {
      out.printf("studio under %d pages for %.0f s: %d requests, %d acts acknowledged, %d lost, %d busy answers,"
          + " %d errors%n", r.clients(), r.seconds(), r.requests(), r.acts(), r.lost(), r.busy(), r.errors());
      out.printf("  grid answered in %.0f ms (median), %.0f ms (95th percentile); heap %d MB at most, %d MB after;"
          + " %d explorations in memory%n", r.gridMsP50(), r.gridMsP95(), r.peakHeapMb(), r.heapAfterMb(), r.cached());
    }
    out.flush();
    return r.lost() == 0 && r.errors() == 0 ? 0 : 1;
  }
}

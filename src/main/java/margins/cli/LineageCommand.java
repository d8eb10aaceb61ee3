package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.store.Item;
import margins.store.Items;
import margins.store.Lineage;
import margins.store.LineageSvg;
import margins.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins lineage <item>`: where an image came from, as text and as an SVG graph. */
@Command(name = "lineage", header = "Show where an item came from (and what came of it), as text and SVG.",
    mixinStandardHelpOptions = true,
    description = {"An item's ancestors (both parents of every crossover; archive images, outside files, seeds and",
        "checkpoints at the roots) and its descendants, as an indented tree and as an SVG graph with thumbnails."})
public final class LineageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;

  @Parameters(paramLabel = "ITEM", description = "An id or its first 6+ digits, seed:N, or a PNG.")
  String item;

  @Option(names = "--up", defaultValue = "16", description = "Generations of ancestors (default: ${DEFAULT-VALUE}).")
  int up;

  @Option(names = "--down", defaultValue = "1", description = "Generations of descendants (default: ${DEFAULT-VALUE}).")
  int down;

  @Option(names = "--svg", paramLabel = "FILE", description = "The graph (default: studio/lineage/<id>.svg).")
  Path svg;

  @Override
  public Integer call() {
    Ranges.in("--up", up, 0, 1000);
    Ranges.in("--down", down, 0, 1000);
    try (Store store = Store.open(studio.dir(), Version.software())) {
      Item i = Items.resolve(store, item);
      Lineage.Graph g = Lineage.of(store, i, up, down);
      Path file = svg != null ? svg : studio.dir().resolve("lineage").resolve(i.brief() + ".svg");
      LineageSvg.write(store, g, file);
      PrintWriter o = spec.commandLine().getOut();
      o.print(Lineage.text(g));
      o.println("graph: " + file);
      o.flush();
    }
    return 0;
  }
}

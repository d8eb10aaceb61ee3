package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Hashes;
import margins.MarginsException;
import margins.model.Model;
import margins.store.Similar;
import margins.store.Store;
import margins.store.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins similar <png | archive:N | seed | image:FILE>`: what I made that looks like this. */
@Command(name = "similar", header = "Find the items and archive images nearest an image, in every space.",
    mixinStandardHelpOptions = true,
    description = {"The nearest items (images the studio made) and archive images to a query, in each measure space",
        "(pixel-structure, and every other space Margins measures in) and in the model's encoder space, with a",
        "contact sheet: a row per space and set, the query first. Exact up to 100,000 vectors; beyond, Lucene's",
        "HNSW index (store/index/, rebuilt when needed). Vectors missing from the store are made first."})
public final class SimilarCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;

  @Parameters(paramLabel = "QUERY", description = "A PNG, archive:N, image:FILE (any image), seed:N or N (the newest"
      + " item with that seed), or an item's id (6+ hex digits).")
  String query;

  @Option(names = "--k", defaultValue = "12", description = "Neighbours per space and set (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--space", paramLabel = "ID", description = "Only this space (repeatable; default: all, and the"
      + " encoder when a model is at hand).")
  List<String> spaces = List.of();

  @Option(names = "--no-encoder", description = "Leave the model's encoder space out (no model is loaded).")
  boolean noEncoder;

  @Option(names = "--out", paramLabel = "FILE", description = "The contact sheet (default: studio/similar/<query>.png).")
  Path out;

  @Override
  public Integer call() {
    Ranges.in("--k", k, 1, 256);
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = Store.open(using.studio(), Version.software());
        Model model = noEncoder || !spaces.isEmpty() && !spaces.contains("encoder") ? null : model(o)) {
      List<Vectors.Space> chosen = new ArrayList<>();
      for (Vectors.Space s : Vectors.featureSpaces()) {
        if (spaces.isEmpty() || spaces.contains(s.id())) {
          chosen.add(s);
        }
      }
      if (model != null) {
        chosen.add(Vectors.encoder(model));
      }
      Similar.Query q = Similar.query(store, query);
      Path sheet = out != null ? out : using.studio().resolve("similar").resolve("similar-"
          + query.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+", "") + "-" + Hashes.tag(query) + ".png");
      Similar.Result r = Similar.run(store, q, k, chosen, sheet, StoreCommand.progress(spec));
      o.println("nearest to " + q.label() + ":");
      for (Similar.InSpace s : r.spaces()) {
        print(o, s.space() + (s.approximate() ? " (HNSW)" : "") + ", items", s.items());
        print(o, s.space() + ", archive", s.archive());
      }
      o.println("sheet: " + r.sheet());
      o.flush();
    }
    return 0;
  }

  /** The model for the encoder space, or null when the studio has none yet. */
  private Model model(PrintWriter o) {
    try {
      return using.load();
    } catch (MarginsException e) {
      o.println("(no encoder space: " + e.getMessage() + ")");
      return null;
    }
  }

  private static void print(PrintWriter o, String title, List<Similar.Neighbour> hits) {
    o.println("  " + title + ":");
    if (hits.isEmpty()) {
      o.println("    (none)");
    }
    for (int i = 0; i < hits.size(); i++) {
      Similar.Neighbour n = hits.get(i);
      String who = n.owner().startsWith("archive:") ? n.owner() : n.owner().substring(0, 12);
      o.printf("    %2d. %.4f  %-14s %s%n", i + 1, n.distance(), who, n.label());
    }
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.model.Model;
import margins.store.Atlas;
import margins.store.Store;
import margins.store.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins atlas`: a map of the archive and the outputs, coloured by kind. */
@Command(name = "atlas", header = "Map the archive and the outputs in two dimensions, coloured by kind.",
    mixinStandardHelpOptions = true,
    description = {"Lays out the archive's images and the studio's outputs in one space by PCA and UMAP: a PNG per",
        "layout with thumbnails, coloured by kind, with the cells where the archive lies but nothing has been made",
        "yet outlined, and atlas.html, an interactive page (both layouts, kinds on and off, each image on hover)."})
public final class AtlasCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;

  @Option(names = "--space", defaultValue = "pixel-structure", description = "The space: a measure space, or encoder"
      + " (the model's) (default: ${DEFAULT-VALUE}).")
  String space;

  @Option(names = "--max-items", defaultValue = "5000", description = "Outputs on the map at most, taken evenly"
      + " (default: ${DEFAULT-VALUE}).")
  int maxItems;

  @Option(names = "--seed", defaultValue = "0", description = "UMAP's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--pca-only", description = "Skip UMAP (a few seconds per thousand points).")
  boolean pcaOnly;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the maps go (default: studio/atlas).")
  Path out;

  @Override
  public Integer call() {
    Ranges.in("--max-items", maxItems, 1, 1_000_000);
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = Store.open(using.studio(), Version.software());
        Model model = space.equals("encoder") ? using.load() : null) {
      Vectors.Space s = model != null ? Vectors.encoder(model) : Vectors.featureSpaces().stream()
          .filter(x -> x.id().equals(space)).findFirst()
          .orElseThrow(() -> new BadParameter("--space must be encoder or one of " + margins.measure.FeatureSpaces.ids()
              + ", not '" + space + "'"));
      Path dir = out != null ? out : using.studio().resolve("atlas");
      Atlas.Result r = Atlas.run(store, s, maxItems, seed, pcaOnly, dir, StoreCommand.progress(spec));
      o.printf("atlas of %d archive images and %d outputs in the %s space; %d cells where the archive lies hold"
          + " nothing made yet%n", r.archive(), r.items(), s.id(), r.unexplored());
      r.pngs().forEach(p -> o.println("map: " + p));
      o.println("page: " + r.html());
      o.flush();
    }
    return 0;
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import margins.bend.ChannelClusters;
import margins.bend.Clustering;
import margins.model.Generator;
import margins.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins clusters`: each decoder layer's channels grouped by k-means on their maps over the archive. */
@Command(name = "clusters", header = "Group each decoder layer's channels by what they draw.", mixinStandardHelpOptions = true,
    description = {"Group each decoder layer's channels by what they draw over the archive (seeded k-means on each"
        + " channel's activation maps, centred and normalised), write clusters.json in the run folder, and per"
        + " layer and cluster a sheet: archive images above, the same with the cluster ablated below.",
        "Bends then name a group: --op up2:ablate::cluster=1 (recipes store its channel numbers)."})
public final class ClustersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;


  @Option(names = "--k", defaultValue = "4", description = "Clusters per layer, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--images", defaultValue = "256", description = "Archive images the maps are taken over, 2 to 4096 (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--seed", defaultValue = "0", description = "Seed for the image sample and k-means (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    try (Model model = using.load()) {
      Clustering.Result r = Clustering.run(using.studio(), new Generator(model), k, images, seed);
      PrintWriter o = spec.commandLine().getOut();
      o.printf("channel clusters of %s over %d archive images:%n", model.id(), r.clusters().images());
      for (var e : r.clusters().layers().entrySet()) {
        ChannelClusters.Layer l = e.getValue();
        StringBuilder sizes = new StringBuilder();
        for (int[] c : l.clusters()) {
          sizes.append(sizes.length() == 0 ? "" : " ").append(c.length);
        }
        o.printf("  %-5s %3d channels -> cluster sizes %s%n", e.getKey(), l.channels(), sizes);
      }
      o.println("wrote: " + r.file());
      o.println("sheets: " + r.sheets().get(0).getParent() + " (" + r.sheets().size() + ")");
      o.flush();
    }
    return 0;
  }
}

package margins.bend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import margins.Files2;
import margins.Json;
import margins.MarginsException;

/**
 * A run's clusters.json: each decoder layer's channels grouped by what their activation maps do over the
 * archive, so bends can name a group ({@code cluster=N}) instead of channel numbers.
 *
 * @param model the run
 * @param checkpointSha256 the checkpoint the maps came from
 * @param k the clusters asked for per layer (a layer with fewer channels gets one cluster per channel)
 * @param seed the k-means seed
 * @param images how many archive images the maps were taken over
 * @param layers per decoder layer, in order
 */
public record ChannelClusters(String model, String checkpointSha256, int k, long seed, int images,
    Map<String, Layer> layers) {

  /** The file name, in the run's folder. */
  public static final String FILE = "clusters.json";

  /**
   * One layer's clustering.
   *
   * @param channels the layer's channel count
   * @param clusters cluster id (the list position) to its channels, ascending; every channel in exactly one
   */
  public record Layer(int channels, int[][] clusters) {}

  /** Per layer, cluster id to channel indices, as bends resolve them. */
  public Map<String, Map<Integer, int[]>> byLayer() {
    Map<String, Map<Integer, int[]>> out = new LinkedHashMap<>();
    layers.forEach((name, l) -> {
      Map<Integer, int[]> m = new TreeMap<>();
      for (int c = 0; c < l.clusters().length; c++) {
        m.put(c, l.clusters()[c].clone());
      }
      out.put(name, m);
    });
    return out;
  }

  /** Writes clusters.json into the run folder; returns the file. */
  public Path write(Path runDir) {
    Path f = runDir.resolve(FILE);
    Files2.writeAtomic(f, Json.pretty(this));
    return f;
  }

  /** The run's clusters, or null when it has none yet. */
  public static ChannelClusters readIfPresent(Path runDir) {
    Path f = runDir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    ChannelClusters c = Json.read(f, ChannelClusters.class);
    if (c.layers() == null) {
      throw new MarginsException(f + " lists no layers; run 'margins clusters' again");
    }
    return c;
  }
}

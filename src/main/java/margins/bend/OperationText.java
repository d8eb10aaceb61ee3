package margins.bend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.BadParameter;

/** Turns the command line's bends and activation noise into recipe operations (kinds "bend" and "noise"). */
public final class OperationText {

  /** The noise seed when `--noise` gives none. */
  public static final long DEFAULT_NOISE_SEED = 0;

  private OperationText() {}

  /**
   * Parses `--noise LAYER:STRENGTH[:SEED]`, e.g. `up1:0.5` or `up2:1.5:7`.
   *
   * @throws IllegalArgumentException naming the expected form and the bad part
   */
  public static ActivationNoise noise(String text) {
    String[] p = text == null ? new String[0] : text.split(":", -1);
    if (p.length < 2 || p.length > 3 || p[0].isBlank()) {
      throw new BadParameter("--noise must be LAYER:STRENGTH[:SEED], e.g. up1:0.5 or up2:1.5:7; got '"
          + text + "'");
    }
    double strength;
    long seed = DEFAULT_NOISE_SEED;
    try {
      strength = Double.parseDouble(p[1].strip());
    } catch (NumberFormatException e) {
      throw new BadParameter("--noise " + text + ": strength must be a number, got '" + p[1] + "'");
    }
    if (p.length == 3) {
      try {
        seed = Long.parseLong(p[2].strip());
      } catch (NumberFormatException e) {
        throw new BadParameter("--noise " + text + ": seed must be a whole number, got '" + p[2] + "'");
      }
    }
    try {
      return new ActivationNoise(p[0].strip(), strength, seed);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("--noise " + text + ": " + e.getMessage(), e);
    }
  }

  /** Parses each `--op`, naming the bad one in errors. */
  public static List<Bend> bends(List<String> ops) {
    List<Bend> out = new ArrayList<>();
    for (String op : ops) {
      try {
        out.add(Bend.parse(op));
      } catch (IllegalArgumentException e) {
        throw new BadParameter("--op " + op + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The recipe operations for bends then noise, each bend's `cluster=N` channels replaced by the
   * cluster's channel indices, so that a recipe never depends on a clustering computed later.
   *
   * @param clusters per layer, cluster id to channels (from clusters.json); null when there is no clustering
   */
  public static List<JsonNode> operations(List<Bend> bends, List<ActivationNoise> noise,
      Map<String, Map<Integer, int[]>> clusters) {
    List<JsonNode> ops = new ArrayList<>();
    for (Bend b : bends) {
      ops.add(Operations.of("bend", resolved(b, clusters)));
    }
    for (ActivationNoise n : noise) {
      ops.add(Operations.of("noise", n));
    }
    return ops;
  }

  /** Whether any bend selects its channels by cluster (and so needs clusters.json). */
  public static boolean needsClusters(List<Bend> bends) {
    return bends.stream().anyMatch(b -> b.channels() instanceof ChannelSpec.Cluster);
  }

  private static Bend resolved(Bend b, Map<String, Map<Integer, int[]>> clusters) {
    if (!(b.channels() instanceof ChannelSpec.Cluster c)) {
      return b;
    }
    Map<Integer, int[]> layer = clusters == null ? null : clusters.get(b.layer());
    if (layer == null) {
      throw new BadParameter("bend " + b.compact() + ": no channel clusters for layer '" + b.layer()
          + "'" + (clusters == null ? "; run 'margins clusters' first" : "; clustered layers: " + clusters.keySet()));
    }
    int[] members = layer.get(c.id());
    if (members == null || members.length == 0) {
      throw new BadParameter("bend " + b.compact() + ": layer '" + b.layer() + "' has clusters "
          + layer.keySet().stream().sorted().toList() + ", not " + c.id()
          + (members == null ? "" : " (cluster " + c.id() + " is empty)"));
    }
    return new Bend(b.layer(), b.op(), b.params(), new ChannelSpec.Indices(members));
  }
}

package margins.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import margins.BadParameter;
import margins.Json;
import margins.bend.ActivationNoise;
import margins.bend.BendOps;

/**
 * Each frame's operations: the walk's fixed operations with every sweep's value at that frame written in.
 * A sweep moves the first operation of its kind on its layer (for a bend, also of its op); when there is
 * none, one is added at the end (a bend on all channels with only the swept parameter, or noise with seed 0).
 */
public final class FrameOps {

  private FrameOps() {}

  /** The operations of every frame, t = i / frames. */
  public static List<List<JsonNode>> perFrame(List<JsonNode> base, List<Sweep> sweeps, int frames) {
    List<List<JsonNode>> out = new ArrayList<>(frames);
    for (int i = 0; i < frames; i++) {
      double t = i / (double) frames;
      double[] v = new double[sweeps.size()];
      for (int s = 0; s < v.length; s++) {
        v[s] = sweeps.get(s).schedule().applyAsDouble(t);
      }
      out.add(withValues(base, sweeps, v));
    }
    return out;
  }

  /**
   * Checks every sweep's parameter at both ends of its range (the values in between lie between them),
   * so a bad range is a usage error before anything is decoded.
   */
  public static void check(List<JsonNode> base, List<Sweep> sweeps) {
    for (String end : List.of("from", "to")) {
      double[] v = sweeps.stream().mapToDouble(s -> s.ends().get(end)).toArray();
      for (JsonNode op : withValues(base, sweeps, v)) {
        try {
          if (op.path("kind").asText().equals("noise")) {
            new ActivationNoise(op.path("layer").asText(), op.path("strength").asDouble(), op.path("seed").asLong());
          } else if (op.path("kind").asText().equals("bend")) {
            Map<String, Double> params = new TreeMap<>();
            op.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
            BendOps.create(op.path("op").asText(), params);
          }
        } catch (IllegalArgumentException e) {
          throw new BadParameter("--sweep on " + op.path("layer").asText() + " at its '" + end
              + "' end: " + e.getMessage(), e);
        }
      }
    }
  }

  /** The base operations with sweep s set to values[s]. */
  static List<JsonNode> withValues(List<JsonNode> base, List<Sweep> sweeps, double[] values) {
    List<JsonNode> ops = new ArrayList<>();
    for (JsonNode op : base) {
      ops.add(op.deepCopy());
    }
    for (int s = 0; s < sweeps.size(); s++) {
      Sweep sw = sweeps.get(s);
      ObjectNode target = find(ops, sw);
      if (target == null) {
        target = Json.MAPPER.createObjectNode();
        target.put("kind", sw.isNoise() ? "noise" : "bend");
        target.put("layer", sw.layer());
        if (sw.isNoise()) {
          target.put("strength", 0.0);
          target.put("seed", 0L);
        } else {
          target.put("op", sw.op());
          target.putObject("params");
          target.put("channels", "all");
        }
        ops.add(target);
      }
      if (sw.isNoise()) {
        target.put("strength", values[s]);
      } else {
        ((ObjectNode) target.get("params")).put(sw.param(), values[s]);
      }
    }
    return ops;
  }

  private static ObjectNode find(List<JsonNode> ops, Sweep sw) {
    for (JsonNode op : ops) {
      boolean layer = op.path("layer").asText().equals(sw.layer());
      boolean match = sw.isNoise() ? op.path("kind").asText().equals("noise")
          : op.path("kind").asText().equals("bend") && op.path("op").asText().equals(sw.op());
      if (layer && match) {
        return (ObjectNode) op;
      }
    }
    return null;
  }
}

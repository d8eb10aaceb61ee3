package margins.bend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import margins.BadParameter;
import margins.Json;
import margins.MarginsException;
import margins.network.Generative;
import margins.network.LayerHook;

/**
 * Changes to the decoder's computation as recipes store them: JSON objects with a "kind" ("bend", "noise",
 * ...), each turned into a layer hook by a small factory keyed by that kind.
 */
public final class Operations {

  /** Turns one stored operation into a hook on a given network. */
  @FunctionalInterface
  public interface Factory {
    LayerHook hook(JsonNode op, Generative vae);
  }

  private static final Map<String, Factory> TABLE = new TreeMap<>();

  static {
    register("bend", (op, vae) -> new BendHook(List.of(Json.MAPPER.convertValue(withoutKind(op), Bend.class)), Map.of()));
    register("noise", (op, vae) -> new ActivationNoise(
        op.path("layer").asText(), op.path("strength").asDouble(), op.path("seed").asLong()));
    register(Mix.KIND, Mix::of);
  }

  private Operations() {}

  /** Adds a kind of operation; later packages (mixing, clusters) register theirs here. */
  public static synchronized void register(String kind, Factory factory) {
    TABLE.put(kind, factory);
  }

  public static synchronized Set<String> kinds() {
    return Set.copyOf(TABLE.keySet());
  }

  /** The hook for a list of operations, applied in order, after checking every layer name exists. */
  public static LayerHook hook(List<JsonNode> ops, Generative vae) {
    LayerHook hook = LayerHook.NONE;
    List<String> layers = vae.stageNames();
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String kind = op.path("kind").asText("");
      Factory f;
      synchronized (Operations.class) {
        f = TABLE.get(kind);
      }
      if (f == null) {
        throw new MarginsException("operation " + i + " has kind '" + kind + "'; known kinds: " + kinds());
      }
      String layer = op.path("layer").asText(null);
      if (layer != null && !layers.contains(layer)) {
        throw new BadParameter("operation " + i + " names layer '" + layer
            + "'; this model's decoder layers are " + layers);
      }
      hook = LayerHook.chain(hook, f.hook(op, vae));
    }
    return hook;
  }

  /** A stored operation: the object's fields with its kind first. */
  public static JsonNode of(String kind, Object fields) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("kind", kind);
    node.setAll((ObjectNode) Json.MAPPER.valueToTree(fields));
    return node;
  }

  private static JsonNode withoutKind(JsonNode op) {
    ObjectNode copy = op.deepCopy();
    copy.remove("kind");
    return copy;
  }
}

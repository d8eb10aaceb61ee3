package margins.bend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import margins.BadParameter;
import margins.Json;

/** Reads and writes a bending config: a JSON (or YAML) list of bends, checked entry by entry. */
public final class BendConfig {

  private static final Set<String> KEYS = Set.of("layer", "op", "params", "channels");
  private static final YAMLMapper YAML = new YAMLMapper();

  private BendConfig() {}

  /** Reads a config file, YAML when it is named {@code .yaml} or {@code .yml}; errors name the file and the bad entry. */
  public static List<Bend> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BadParameter("cannot read bending config " + file + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    try {
      return name.endsWith(".yaml") || name.endsWith(".yml") ? parseYaml(text) : parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadParameter(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a JSON list of {@code {"layer","op","params","channels"}} objects.
   *
   * @throws IllegalArgumentException naming the entry's index (from 0) and what is allowed
   */
  public static List<Bend> parse(String json) {
    try {
      return fromTree(Json.MAPPER.readTree(json), "JSON");
    } catch (IOException e) {
      throw new BadParameter("bending config is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses the same list written in YAML: a sequence of mappings with layer, op, params, channels. */
  public static List<Bend> parseYaml(String yaml) {
    try {
      return fromTree(YAML.readTree(yaml), "YAML");
    } catch (IOException e) {
      throw new BadParameter("bending config is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static List<Bend> fromTree(JsonNode root, String format) {
    if (root == null || !root.isArray()) {
      throw new BadParameter("bending config must be a " + format + " list of {layer, op, params, channels}");
    }
    List<Bend> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      try {
        out.add(entry(root.get(i)));
      } catch (IllegalArgumentException e) {
        throw new BadParameter("bend entry " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  /** The config text for {@code bends}, which {@link #parse} reads back to equal bends. */
  public static String write(List<Bend> bends) {
    return Json.pretty(bends);
  }

  private static Bend entry(JsonNode n) {
    if (!n.isObject()) {
      throw new BadParameter("must be an object with layer, op, params, channels; got " + n);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new BadParameter("unknown key '" + key + "'; allowed: layer, op, params, channels");
      }
    }
    String layer = text(n, "layer");
    String op = text(n, "op");
    Map<String, Double> params = new TreeMap<>();
    JsonNode p = n.get("params");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new BadParameter("params must be an object of numbers, got " + p);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber()) {
          throw new BadParameter("param '" + e.getKey() + "' must be a number, got " + e.getValue());
        }
        params.put(e.getKey(), e.getValue().asDouble());
      }
    }
    return new Bend(layer, op, params, ChannelSpec.Reader.fromJson(n.get("channels")));
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      String extra = key.equals("op") ? "; allowed: " + String.join(", ", BendOps.TABLE.keySet()) : "";
      throw new BadParameter("'" + key + "' must be a string" + extra);
    }
    return v.asText();
  }
}

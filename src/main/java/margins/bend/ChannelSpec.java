package margins.bend;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import margins.BadParameter;

/**
 * Which channels of a layer a bend touches. JSON forms: {@code "all"}, {@code "3-10"} (inclusive),
 * {@code {"fraction":0.25,"seed":7}}, {@code {"cluster":2}} and {@code {"indices":[1,4,9]}} (what a
 * cluster resolves to in a recipe, so remaking an image never depends on a later clustering).
 */
@JsonDeserialize(using = ChannelSpec.Reader.class)
public sealed interface ChannelSpec {

  /** The selected channel indices, ascending, for a layer with {@code channels} channels. */
  int[] resolve(int channels, Map<Integer, int[]> clusters);

  /** The compact text form used on the command line (see {@link #parse(String)}). */
  String text();

  /** Every channel. */
  record All() implements ChannelSpec {
    @Override
    public int[] resolve(int channels, Map<Integer, int[]> clusters) {
      return IntStream.range(0, channels).toArray();
    }

    @Override
    public String text() {
      return "all";
    }

    @JsonValue
    Object json() {
      return "all";
    }
  }

  /** Channels {@code from} to {@code to}, both included. */
  record Range(int from, int to) implements ChannelSpec {
    public Range {
      if (from < 0 || to < from) {
        throw new BadParameter("channel range must be 'from-to' with 0 <= from <= to, got " + from + "-" + to);
      }
    }

    @Override
    public int[] resolve(int channels, Map<Integer, int[]> clusters) {
      if (to >= channels) {
        throw new BadParameter(
            "channel range " + from + "-" + to + " does not fit a layer with " + channels
                + " channels; allowed: 0-" + (channels - 1));
      }
      return IntStream.rangeClosed(from, to).toArray();
    }

    @Override
    public String text() {
      return from + "-" + to;
    }

    @JsonValue
    Object json() {
      return text();
    }
  }

  /**
   * round(fraction x C) channels drawn without replacement by {@code new Random(seed)}, so the
   * same seed and channel count always give the same channels.
   */
  record Fraction(double fraction, long seed) implements ChannelSpec {
    public Fraction {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new BadParameter("channel fraction must be in [0, 1], got " + fraction);
      }
    }

    @Override
    public int[] resolve(int channels, Map<Integer, int[]> clusters) {
      List<Integer> all = new ArrayList<>(IntStream.range(0, channels).boxed().toList());
      Collections.shuffle(all, new Random(seed));
      int k = (int) Math.round(fraction * channels);
      return all.subList(0, k).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public String text() {
      return "fraction=" + BendText.number(fraction) + ",seed=" + seed;
    }

    @JsonValue
    Object json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fraction", fraction);
      m.put("seed", seed);
      return m;
    }
  }

  /** The channels the layer's clustering put in cluster {@code id}. */
  record Cluster(int id) implements ChannelSpec {
    @Override
    public int[] resolve(int channels, Map<Integer, int[]> clusters) {
      int[] members = clusters == null ? null : clusters.get(id);
      if (members == null) {
        String known = clusters == null || clusters.isEmpty() ? "none (no clustering for this layer)"
            : clusters.keySet().stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        throw new BadParameter("unknown channel cluster " + id + "; known clusters: " + known);
      }
      for (int c : members) {
        if (c < 0 || c >= channels) {
          throw new BadParameter(
              "cluster " + id + " names channel " + c + ", outside 0-" + (channels - 1));
        }
      }
      return Arrays.stream(members).sorted().distinct().toArray();
    }

    @Override
    public String text() {
      return "cluster=" + id;
    }

    @JsonValue
    Object json() {
      return Map.of("cluster", id);
    }
  }

  /** An explicit list of channel indices, kept ascending and distinct. */
  record Indices(int[] indices) implements ChannelSpec {
    public Indices {
      if (indices == null || indices.length == 0) {
        throw new BadParameter("channel indices must list at least one channel");
      }
      indices = Arrays.stream(indices).sorted().distinct().toArray();
      if (indices[0] < 0) {
        throw new BadParameter("channel indices must be >= 0, got " + indices[0]);
      }
    }

    @Override
    public int[] resolve(int channels, Map<Integer, int[]> clusters) {
      if (indices[indices.length - 1] >= channels) {
        throw new BadParameter("channel " + indices[indices.length - 1]
            + " does not fit a layer with " + channels + " channels; allowed: 0-" + (channels - 1));
      }
      return indices.clone();
    }

    @Override
    public String text() {
      return Arrays.stream(indices).mapToObj(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }

    @JsonValue
    Object json() {
      return Map.of("indices", indices);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Indices i && Arrays.equals(indices, i.indices);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(indices);
    }
  }

  /** Every channel. */
  ChannelSpec ALL = new All();

  /**
   * Parses the compact form: {@code all}, {@code 3-10}, {@code fraction=0.25,seed=7},
   * {@code cluster=2} or a list of indices {@code 1,4,9}; blank means all.
   */
  static ChannelSpec parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.equals("all")) {
      return ALL;
    }
    if (t.matches("\\d+-\\d+")) {
      String[] ends = t.split("-");
      return new Range(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    }
    if (t.matches("\\d+(,\\d+)*")) {
      return new Indices(Arrays.stream(t.split(",")).mapToInt(Integer::parseInt).toArray());
    }
    Map<String, String> kv = BendText.pairs(t, "channels");
    if (kv.keySet().equals(java.util.Set.of("cluster"))) {
      return new Cluster((int) BendText.whole(kv.get("cluster"), "cluster"));
    }
    if (kv.containsKey("fraction") && kv.keySet().stream().allMatch(k -> k.equals("fraction") || k.equals("seed"))) {
      if (!kv.containsKey("seed")) {
        throw new BadParameter("channels: a fraction needs a seed, e.g. fraction=0.25,seed=7");
      }
      return new Fraction(BendText.real(kv.get("fraction"), "fraction"), BendText.whole(kv.get("seed"), "seed"));
    }
    throw new BadParameter(
        "channels must be all, from-to, fraction=F,seed=S, cluster=N or indices like 1,4,9; got '" + t + "'");
  }

  /** Reads the JSON forms. */
  final class Reader extends JsonDeserializer<ChannelSpec> {
    @Override
    public ChannelSpec deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonNode n = p.readValueAsTree();
      return fromJson(n);
    }

    @Override
    public ChannelSpec getNullValue(DeserializationContext ctx) {
      return ALL;
    }

    static ChannelSpec fromJson(JsonNode n) {
      if (n == null || n.isNull()) {
        return ALL;
      }
      if (n.isTextual()) {
        return parse(n.asText());
      }
      if (n.isObject() && n.has("indices")) {
        JsonNode list = n.get("indices");
        if (n.size() != 1 || !list.isArray()) {
          throw new BadParameter("channels: {\"indices\": [...]} takes a list of channel numbers alone");
        }
        int[] idx = new int[list.size()];
        for (int i = 0; i < idx.length; i++) {
          if (!list.get(i).canConvertToInt()) {
            throw new BadParameter("channels: index " + list.get(i) + " is not a whole number");
          }
          idx[i] = list.get(i).asInt();
        }
        return new Indices(idx);
      }
      if (n.isObject()) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isNumber()) {
            throw new BadParameter("channels: '" + e.getKey() + "' must be a number");
          }
          sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return parse(sb.toString());
      }
      throw new BadParameter(
          "channels must be \"all\", \"from-to\", {\"fraction\":F,\"seed\":S}, {\"cluster\":N}"
              + " or {\"indices\":[...]}; got " + n);
    }
  }
}

package margins.bend;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import margins.BadParameter;

/**
 * One bend: an op with its parameters, applied to some channels of one named layer's maps at
 * generation time. Serialises to JSON as {@code {"layer":..,"op":..,"params":{..},"channels":..}},
 * and to the compact command-line form {@code layer:op:k=v,k=v:channels} (see {@link #parse}).
 */
public record Bend(String layer, String op, Map<String, Double> params, ChannelSpec channels) {

  /** Validates the op id and its parameters; absent params mean none, absent channels mean all. */
  public Bend {
    if (layer == null || layer.isBlank() || layer.contains(":")) {
      throw new BadParameter("a bend needs a layer name without ':', got '" + layer + "'");
    }
    params = Collections.unmodifiableMap(new TreeMap<>(params == null ? Map.of() : params));
    channels = channels == null ? ChannelSpec.ALL : channels;
    BendOps.create(op, params);
  }

  /** The operation this bend performs, built fresh from its parameters. */
  public BendOp build() {
    return BendOps.create(op, params);
  }

  /**
   * Parses the compact command-line form {@code layer:op[:params[:channels]]}.
   *
   * <ul>
   *   <li>params: {@code k=v,k=v} numbers, may be empty ({@code up2:flip-h::0-7});
   *   <li>channels: {@code all} (default), {@code 3-10} (inclusive), {@code fraction=0.5,seed=3}
   *       or {@code cluster=2}.
   * </ul>
   *
   * <p>Example: {@code up2:rotate:degrees=45:fraction=0.5,seed=3}.
   */
  public static Bend parse(String text) {
    String[] parts = text == null ? new String[0] : text.split(":", -1);
    if (parts.length < 2 || parts.length > 4) {
      throw new BadParameter(
          "--op must be layer:op[:k=v,k=v[:channels]], e.g. up2:rotate:degrees=45:fraction=0.5,seed=3; got '"
              + text + "'");
    }
    Map<String, Double> params = new TreeMap<>();
    if (parts.length >= 3) {
      BendText.pairs(parts[2].strip(), parts[1].strip())
          .forEach((k, v) -> params.put(k, BendText.real(v, k)));
    }
    ChannelSpec channels = parts.length == 4 ? ChannelSpec.parse(parts[3]) : ChannelSpec.ALL;
    return new Bend(parts[0].strip(), parts[1].strip(), params, channels);
  }

  /** The compact form that {@link #parse} reads back to an equal bend. */
  public String compact() {
    StringJoiner p = new StringJoiner(",");
    params.forEach((k, v) -> p.add(k + "=" + BendText.number(v)));
    return layer + ":" + op + ":" + p + ":" + channels.text();
  }
}

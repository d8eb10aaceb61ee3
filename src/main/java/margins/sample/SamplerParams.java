package margins.sample;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import margins.BadParameter;

/** A sampler's parameters as the user gave them (`--param k=v`), read with their allowed ranges. */
public final class SamplerParams {

  private final Map<String, String> values;

  public SamplerParams(Map<String, String> values) {
    this.values = new TreeMap<>(values == null ? Map.of() : values);
  }

  public static SamplerParams none() {
    return new SamplerParams(Map.of());
  }

  /** Refuses names the sampler does not take, listing those it does. */
  public void allowOnly(String sampler, Set<String> allowed) {
    for (String k : values.keySet()) {
      if (!allowed.contains(k)) {
        throw new BadParameter("sampler " + sampler + " has no parameter '" + k + "'; it takes "
            + (allowed.isEmpty() ? "none" : new java.util.TreeSet<>(allowed)));
      }
    }
  }

  /** A number in [min, max], or the default when absent. */
  public double number(String name, double def, double min, double max) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " must be a number in [" + min + ", " + max + "], not '" + v + "'");
    }
    if (!(d >= min && d <= max)) {
      throw new BadParameter(name + " must be in [" + min + ", " + max + "], not " + v);
    }
    return d;
  }

  /** A whole number in [min, max], or the default when absent. */
  public int integer(String name, int def, int min, int max) {
    double d = number(name, def, min, max);
    if (d != Math.rint(d)) {
      throw new BadParameter(name + " must be a whole number in [" + min + ", " + max + "], not " + d);
    }
    return (int) d;
  }

  /** A text value among the allowed ones, or the default when absent. */
  public String choice(String name, String def, Set<String> allowed) {
    String v = values.getOrDefault(name, def);
    if (!allowed.contains(v)) {
      throw new BadParameter(name + " must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + v + "'");
    }
    return v;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}

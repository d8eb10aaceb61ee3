package margins.bend;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import margins.BadParameter;

/** Reads an op's numeric parameters, refusing unknown names and values outside their range. */
public final class OpParams {

  private final String op;
  private final Map<String, Double> values;

  private OpParams(String op, Map<String, Double> values) {
    this.op = op;
    this.values = values;
  }

  /**
   * Wraps {@code values} for {@code op}, first checking that every name is one of {@code allowed}.
   *
   * @throws IllegalArgumentException naming the unknown parameter and the allowed ones
   */
  public static OpParams of(String op, Map<String, Double> values, String... allowed) {
    Map<String, Double> v = values == null ? Map.of() : values;
    Set<String> names = new TreeSet<>(Set.of(allowed));
    for (Map.Entry<String, Double> e : v.entrySet()) {
      if (!names.contains(e.getKey())) {
        throw new BadParameter(
            op + ": unknown parameter '" + e.getKey() + "'; allowed: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new BadParameter(op + ": parameter '" + e.getKey() + "' must be a finite number");
      }
    }
    return new OpParams(op, v);
  }

  /** A required value in [min, max]. */
  public double required(String name, double min, double max) {
    Double x = values.get(name);
    if (x == null) {
      throw new BadParameter(op + ": parameter '" + name + "' is required, in [" + min + ", " + max + "]");
    }
    return check(name, x, min, max);
  }

  /** An optional value in [min, max], {@code fallback} when absent. */
  public double optional(String name, double fallback, double min, double max) {
    Double x = values.get(name);
    return x == null ? fallback : check(name, x, min, max);
  }

  /** An optional whole number in [min, max], {@code fallback} when absent. */
  public int optionalInt(String name, int fallback, int min, int max) {
    Double x = values.get(name);
    if (x == null) {
      return fallback;
    }
    if (x != Math.rint(x)) {
      throw new BadParameter(op + ": parameter '" + name + "' must be a whole number in [" + min + ", " + max + "], got " + x);
    }
    return (int) check(name, x, min, max);
  }

  /** An optional switch given as 0 or 1. */
  public boolean flag(String name, boolean fallback) {
    return optionalInt(name, fallback ? 1 : 0, 0, 1) == 1;
  }

  private double check(String name, double x, double min, double max) {
    if (x < min || x > max) {
      throw new BadParameter(op + ": parameter '" + name + "' must be in [" + min + ", " + max + "], got " + x);
    }
    return x;
  }
}

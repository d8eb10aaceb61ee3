package margins.cli;

import java.util.Collection;
import java.util.TreeSet;
import margins.BadParameter;

/** Range checks for options, with one wording: "--k must be in 1..64, not 0". */
final class Ranges {

  private Ranges() {}

  /** The value, if it lies in [min, max]. */
  static int in(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadParameter(option + " must be in " + min + ".." + max + ", not " + value);
    }
    return value;
  }

  /** The value, if it lies in (0, max]. */
  static double positiveUpTo(String option, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new BadParameter(option + " must be in (0, " + fmt(max) + "], not " + fmt(value));
    }
    return value;
  }

  /** The value, if it is one of these. */
  static int oneOf(String option, int value, Collection<Integer> allowed) {
    if (!allowed.contains(value)) {
      throw new BadParameter(option + " must be one of " + new TreeSet<>(allowed) + ", not " + value);
    }
    return value;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}

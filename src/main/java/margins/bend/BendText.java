package margins.bend;

import java.util.LinkedHashMap;
import java.util.Map;
import margins.BadParameter;

/** Small parsing helpers for the compact {@code k=v,k=v} text forms of bends. */
final class BendText {

  private BendText() {}

  /** Parses {@code k=v,k=v}; {@code what} names the part in errors. */
  static Map<String, String> pairs(String text, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text.isBlank()) {
      return out;
    }
    for (String item : text.split(",", -1)) {
      int eq = item.indexOf('=');
      if (eq <= 0 || eq == item.length() - 1) {
        throw new BadParameter(what + ": expected k=v pairs separated by commas, got '" + item + "'");
      }
      String key = item.substring(0, eq).strip();
      if (out.put(key, item.substring(eq + 1).strip()) != null) {
        throw new BadParameter(what + ": '" + key + "' is given twice");
      }
    }
    return out;
  }

  static double real(String text, String name) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " must be a number, got '" + text + "'");
    }
  }

  static long whole(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " must be a whole number, got '" + text + "'");
    }
  }

  /** A number without a trailing ".0" when it is whole, so the compact form reads naturally. */
  static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}

package margins.studio;

import java.util.Locale;
import margins.BadParameter;

/**
 * The artist's answer to an offer of the machine.
 *
 * @param offer the offer's id
 * @param answer "keep", "dismiss" or "not-now"
 */
public record Answer(long seq, long at, String offer, String answer) implements Entry {

  public static final String KEEP = "keep";
  public static final String DISMISS = "dismiss";
  public static final String NOT_NOW = "not-now";

  /** The answer's id, checked. */
  public static String parse(String s) {
    String a = s == null ? "" : s.toLowerCase(Locale.ROOT);
    if (!a.equals(KEEP) && !a.equals(DISMISS) && !a.equals(NOT_NOW)) {
      throw new BadParameter("an answer is keep, dismiss or not-now, not '" + s + "'");
    }
    return a;
  }
}

package margins.studio;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import margins.BadParameter;

/** The forms of the ids the page sends back, checked before anything is looked up with them. */
public final class Ids {

  /** An exploration: the UTC time it began and four random hex digits, "20261202-101500-ab12". */
  static final Pattern EXPLORATION = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}");

  /** A tile of an exploration: "t12". */
  static final Pattern TILE = Pattern.compile("t[0-9]{1,9}");

  /** A job the page may cancel: letters, digits, dashes, at most 40. */
  static final Pattern JOB = Pattern.compile("[A-Za-z0-9-]{1,40}");

  /** An offer: "o3". */
  static final Pattern OFFER = Pattern.compile("o[0-9]{1,9}");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A new exploration id for this time. */
  static String exploration(long epochMs) {
    return STAMP.format(Instant.ofEpochMilli(epochMs)) + "-" + String.format("%04x", RANDOM.nextInt(1 << 16));
  }

  /** The text, if it has the form; a BadParameter naming what was expected otherwise. */
  static String check(Pattern form, String text, String what) {
    if (text == null || !form.matcher(text).matches()) {
      throw new BadParameter("not " + what + ": '" + (text == null ? "" : text.length() > 60 ? text.substring(0, 60)
          : text) + "'");
    }
    return text;
  }
}

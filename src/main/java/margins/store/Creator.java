package margins.store;

import java.util.Locale;
import margins.BadParameter;

/** Who decided an image: the artist (kept, grabbed, edited by hand) or the machine (a sampler's choice). */
public enum Creator {
  HUMAN,
  MACHINE;

  /** The id stored and shown: "human" or "machine". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Creator parse(String s) {
    for (Creator c : values()) {
      if (c.id().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new BadParameter("a creator is human or machine, not '" + s + "'");
  }
}

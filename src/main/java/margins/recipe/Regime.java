package margins.recipe;

import java.util.Locale;
import margins.BadParameter;

/** The two regimes: mimetic (typical look-alikes, close to the archive) and alien (the model's margins). */
public enum Regime {
  MIMETIC,
  ALIEN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The regime a measured kind falls in: copies and look-alikes are mimetic, the rest (margins, noise) alien. */
  public static Regime ofKind(String kind) {
    return kind.equals("copy") || kind.equals("mimetic") ? MIMETIC : ALIEN;
  }

  public static Regime parse(String s) {
    for (Regime r : values()) {
      if (r.id().equalsIgnoreCase(s)) {
        return r;
      }
    }
    throw new BadParameter("--regime must be mimetic or alien, not '" + s + "'");
  }
}

package margins.recipe;

import java.util.Locale;

/** The two regimes: mimetic (typical look-alikes, close to the archive) and alien (the model's margins). */
public enum Regime {
  MIMETIC,
  ALIEN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Regime parse(String s) {
    for (Regime r : values()) {
      if (r.id().equalsIgnoreCase(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("--regime must be mimetic or alien, not '" + s + "'");
  }
}

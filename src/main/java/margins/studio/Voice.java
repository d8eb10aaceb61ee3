package margins.studio;

import java.util.Arrays;
import java.util.Locale;
import margins.BadParameter;

/**
 * How often the machine may interrupt: at least {@code rounds} breakpoints (grids delivered, keeps, walk pauses) and
 * {@code seconds} after its last interruption was answered; each dismissal in a row doubles both.
 */
public enum Voice {
  QUIET(6, 120),
  NORMAL(3, 45),
  INSISTENT(1, 10);

  private final int rounds;
  private final int seconds;

  Voice(int rounds, int seconds) {
    this.rounds = rounds;
    this.seconds = seconds;
  }

  public int rounds() {
    return rounds;
  }

  public int seconds() {
    return seconds;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Voice parse(String s) {
    for (Voice v : values()) {
      if (v.id().equalsIgnoreCase(s)) {
        return v;
      }
    }
    throw new BadParameter("the machine's voice is one of " + Arrays.stream(values()).map(Voice::id).toList()
        + ", not '" + s + "'");
  }
}

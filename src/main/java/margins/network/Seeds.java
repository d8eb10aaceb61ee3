package margins.network;

import java.util.ArrayList;
import java.util.List;
import margins.BadParameter;

/** Parses seed lists as users write them: `0-63`, `7`, `1,5,9-12`. */
public final class Seeds {

  private static final int MAX = 100_000;

  private Seeds() {}

  public static List<Long> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new BadParameter("--seeds is empty: give seeds like 0-63 or 1,5,9");
    }
    List<Long> seeds = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long a = Long.parseLong(p.substring(0, dash).trim());
          long b = Long.parseLong(p.substring(dash + 1).trim());
          if (b < a) {
            throw new BadParameter("--seeds range " + p + " runs backwards");
          }
          if (b - a >= MAX) {
            throw new BadParameter("--seeds range " + p + " has more than " + MAX + " seeds");
          }
          for (long s = a; s <= b; s++) {
            seeds.add(s);
          }
        } else {
          seeds.add(Long.parseLong(p));
        }
      } catch (NumberFormatException e) {
        throw new BadParameter("--seeds: '" + p + "' is not a seed or a range like 0-63");
      }
      if (seeds.size() > MAX) {
        throw new BadParameter("--seeds: at most " + MAX + " seeds at once");
      }
    }
    return seeds;
  }
}

package margins.studio;

import java.util.Map;

/**
 * Something the artist or the machine did: "grid" (a grid delivered), "keep", "reject", "parent", "breed", "edit",
 * "bend", "open", "walk", "pause", "resume", "grab", "branch", "drop", "cancel", "settings", "reset-rates", "reopen".
 *
 * @param act what
 * @param actor "human" or "machine"
 * @param data its details (tile and grid ids, seeds, settings)
 */
public record Act(long seq, long at, String act, String actor, Map<String, Object> data) implements Entry {

  public static final String HUMAN = "human";
  public static final String MACHINE = "machine";

  public Act {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A text field of the data, or null. */
  public String text(String key) {
    Object v = data.get(key);
    return v == null ? null : v.toString();
  }
}

package margins.studio;

import java.util.List;
import java.util.Map;

/**
 * What the machine put forward when it interrupted, and why.
 *
 * @param id the offer's id in its exploration ("o3")
 * @param trigger the rule that fired ({@link Trigger#id}), or "asked" when the artist asked
 * @param reason the reason in words and figures
 * @param figures the figures themselves (spread, baseline, count, seconds)
 * @param kind "tiles", "marks" (frames of the walk's timeline) or "sampler"
 * @param tiles the offered tiles' ids (kind tiles)
 * @param marks the offered frames of the walk (kind marks)
 * @param samplers the offered sampler (kind sampler), or the samplers the offered tiles came from
 * @param walk the walk the marks belong to (kind marks)
 */
public record Offer(long seq, long at, String id, String trigger, String reason, Map<String, Object> figures,
    String kind, List<String> tiles, List<Integer> marks, List<String> samplers, String walk) implements Entry {

  public static final String TILES = "tiles";
  public static final String MARKS = "marks";
  public static final String SAMPLER = "sampler";

  public Offer {
    figures = figures == null ? Map.of() : Map.copyOf(figures);
    tiles = tiles == null ? List.of() : List.copyOf(tiles);
    marks = marks == null ? List.of() : List.copyOf(marks);
    samplers = samplers == null ? List.of() : samplers.stream().distinct().toList();
  }
}

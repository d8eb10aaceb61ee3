package margins.studio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often the artist kept what the machine offered, per trigger and per sampler. Rates are smoothed
 * ({@code (kept + 1) / (offered + 2)}), so an untried trigger or sampler starts at one half.
 */
public final class Rates {

  /** Offers and keeps of one trigger or sampler. */
  public record Count(int offered, int kept) {

    /** The smoothed acceptance rate. */
    public double rate() {
      return (kept + 1.0) / (offered + 2.0);
    }
  }

  private final Map<String, Count> triggers = new TreeMap<>();
  private final Map<String, Count> samplers = new TreeMap<>();

  void offered(String trigger, java.util.List<String> from) {
    triggers.merge(trigger, new Count(1, 0), Rates::add);
    from.forEach(s -> samplers.merge(s, new Count(1, 0), Rates::add));
  }

  void kept(String trigger, java.util.List<String> from) {
    triggers.merge(trigger, new Count(0, 1), Rates::add);
    from.forEach(s -> samplers.merge(s, new Count(0, 1), Rates::add));
  }

  void reset() {
    triggers.clear();
    samplers.clear();
  }

  /** The smoothed rate of a trigger. */
  public double trigger(String id) {
    return triggers.getOrDefault(id, new Count(0, 0)).rate();
  }

  /** The smoothed rate of a sampler. */
  public double sampler(String id) {
    return samplers.getOrDefault(id, new Count(0, 0)).rate();
  }

  /** Counts and rates, as the page shows them. */
  public Map<String, Object> view() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("triggers", table(triggers));
    m.put("samplers", table(samplers));
    return m;
  }

  private static Map<String, Object> table(Map<String, Count> counts) {
    Map<String, Object> t = new LinkedHashMap<>();
    counts.forEach((k, c) -> t.put(k, Map.of("offered", c.offered(), "kept", c.kept(), "rate", c.rate())));
    return t;
  }

  private static Count add(Count a, Count b) {
    return new Count(a.offered() + b.offered(), a.kept() + b.kept());
  }
}

package margins.explore.regime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The table of samplers, keyed by id; the first of each regime listed in DEFAULTS is that regime's default. */
public final class Samplers {

  private static final Map<String, Supplier<Sampler>> TABLE = new TreeMap<>(Map.of(
      Truncated.ID, Truncated::new,
      Tail.ID, Tail::new));

  private static final Map<Regime, String> DEFAULTS = Map.of(Regime.MIMETIC, Truncated.ID, Regime.ALIEN, Tail.ID);

  private Samplers() {}

  public static Sampler byId(String id) {
    Supplier<Sampler> s = TABLE.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no sampler '" + id + "'; samplers: " + TABLE.keySet());
    }
    return s.get();
  }

  public static Sampler defaultFor(Regime regime) {
    return byId(DEFAULTS.get(regime));
  }

  /** Every sampler, by id. */
  public static List<Sampler> all() {
    return TABLE.values().stream().map(Supplier::get).toList();
  }
}

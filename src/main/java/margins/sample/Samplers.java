package margins.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import margins.BadParameter;
import margins.recipe.Regime;

/** The table of samplers, keyed by id, and each regime's default sampler. */
public final class Samplers {

  private static final Map<String, Supplier<Sampler>> TABLE = new TreeMap<>(Map.ofEntries(
      Map.entry(Truncated.ID, Truncated::new),
      Map.entry(Dream.ID, Dream::new),
      Map.entry(DensityTail.ID, DensityTail::new),
      Map.entry(Beyond.ID, Beyond::new),
      Map.entry(ArchiveNeighbours.ID, ArchiveNeighbours::new),
      Map.entry(AggregatePosterior.ID, AggregatePosterior::new),
      Map.entry(Posterior.ID, Posterior::new),
      Map.entry(Tail.ID, Tail::new),
      Map.entry(Extrapolate.ID, Extrapolate::new),
      Map.entry(NoveltySearch.ID, NoveltySearch::new),
      Map.entry(LowDensity.ID, LowDensity::new),
      Map.entry(ClusterHybrid.ID, ClusterHybrid::new),
      Map.entry(ActivationNoiseSampler.ID, ActivationNoiseSampler::new)));

  private static final Map<Regime, String> DEFAULTS = Map.of(Regime.MIMETIC, ArchiveNeighbours.ID,
      Regime.ALIEN, NoveltySearch.ID);

  /** On a model with a learned density (two-stage): new codes from it, and its way out (bench regimes chose). */
  private static final Map<Regime, String> DENSITY_DEFAULTS = Map.of(Regime.MIMETIC, Dream.ID,
      Regime.ALIEN, NoveltySearch.ID);

  private Samplers() {}

  public static Sampler byId(String id) {
    Supplier<Sampler> s = TABLE.get(id);
    if (s == null) {
      throw new BadParameter("no sampler '" + id + "'; samplers: " + TABLE.keySet());
    }
    return s.get();
  }

  /** A regime's default on a model without a learned density (a VAE). */
  public static Sampler defaultFor(Regime regime) {
    return defaultFor(regime, false);
  }

  /** A regime's default on a model with (true) or without a learned density over its codes. */
  public static Sampler defaultFor(Regime regime, boolean density) {
    return byId((density ? DENSITY_DEFAULTS : DEFAULTS).get(regime));
  }

  /** The samplers a model can run: those drawing from a learned density only where it has one. */
  public static List<Sampler> usable(boolean density) {
    return all().stream().filter(s -> density || !s.needsDensity()).toList();
  }

  /** Every sampler, by id. */
  public static List<Sampler> all() {
    return TABLE.values().stream().map(Supplier::get).toList();
  }
}

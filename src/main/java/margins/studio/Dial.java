package margins.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;

/**
 * The regime dial, copy to alien, as one table: each stop names the sampler (by id, with its psi or other
 * parameters) that fills a grid there, and the one that varies a dropped image; a two-stage model's density gives
 * the mimetic and marginal stops its own samplers. Retune it here without touching anything else.
 *
 * @param id the stop's name, as the page shows it
 * @param sampler the grid's sampler id
 * @param params its parameters
 * @param vary the sampler that varies a given image at this stop (one that takes a source)
 * @param varyParams its parameters
 */
public record Dial(String id, String sampler, Map<String, String> params, String vary, Map<String, String> varyParams) {

  /** The stops, from copy to alien. */
  public static final List<Dial> STOPS = List.of(
      new Dial("copy", "posterior", Map.of("scale", "0.5"), "posterior", Map.of("scale", "0.5")),
      new Dial("mimetic", "archive-neighbours", Map.of("radius", "0.6"), "archive-neighbours", Map.of("radius", "0.6")),
      new Dial("marginal", "tail", Map.of("psi", "1.5"), "tail", Map.of("psi", "1.5")),
      new Dial("alien", "novelty-search", Map.of("population", "6", "generations", "3"), "extrapolate",
          Map.of("alpha", "2.5")));

  /**
   * Stops that draw from the learned density on a model that has one (two-stage): new codes rather than archive
   * codes moved (mimetic), the density's tails (marginal).
   */
  private static final Map<String, Dial> DENSITY_STOPS = Map.of(
      "mimetic", new Dial("mimetic", "dream", Map.of("psi", "0.8"), "archive-neighbours", Map.of("radius", "0.6")),
      "marginal", new Dial("marginal", "density-tail", Map.of("psi", "1.5"), "tail", Map.of("psi", "1.5")));

  /** Where the dial starts. */
  public static final String DEFAULT = "mimetic";

  /** The samplers the machine's novelty search draws its offers from, with their parameters. */
  public static final Map<String, Map<String, String>> ALIEN = alien();

  /** The stop by name on a model without a learned density (a VAE). */
  public static Dial byId(String id) {
    return byId(id, false);
  }

  /** The stop by name on a model with (true) or without a learned density over its codes. */
  public static Dial byId(String id, boolean density) {
    if (density && DENSITY_STOPS.containsKey(id)) {
      return DENSITY_STOPS.get(id);
    }
    for (Dial d : STOPS) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new BadParameter("the regime dial has stops " + STOPS.stream().map(Dial::id).toList() + ", not '" + id + "'");
  }

  private static Map<String, Map<String, String>> alien() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put("tail", Map.of("psi", "2.0"));
    m.put("extrapolate", Map.of("alpha", "2.5"));
    m.put("low-density", Map.of("candidates", "64"));
    m.put("cluster-hybrid", Map.of());
    m.put("activation-noise", Map.of("strength", "1.0"));
    m.put("novelty-search", Map.of("population", "6", "generations", "3"));
    return java.util.Collections.unmodifiableMap(m);
  }
}

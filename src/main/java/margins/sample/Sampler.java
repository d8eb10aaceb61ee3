package margins.sample;

import java.util.List;
import java.util.Set;
import margins.recipe.Draw;
import margins.recipe.Regime;

/** A way of choosing latents in one regime; each is a small class keyed by a kebab-case id. */
public interface Sampler {

  String id();

  Regime regime();

  /** One line for `--help` and reports. */
  String describe();

  /** The parameter names it takes (anything else is refused with this list). */
  Set<String> parameters();

  /** Its parameters with their ranges and defaults, for `sample --list`. */
  default String usage() {
    return parameters().isEmpty() ? "no parameters" : String.join(", ", new java.util.TreeSet<>(parameters()));
  }

  /** Whether it reads the archive (its codes and fits); prior samplers do not. */
  default boolean needsArchive() {
    return true;
  }

  /** Whether it can vary a given image (a context's source) instead of archive items (see `margins vary`). */
  default boolean takesSource() {
    return false;
  }

  /** Whether it draws from a learned density over the codes, which only a two-stage model has. */
  default boolean needsDensity() {
    return false;
  }

  /** One draw per seed, the same draws for the same seeds, context and parameters. */
  List<Draw> draw(SamplerContext context, List<Long> seeds);
}

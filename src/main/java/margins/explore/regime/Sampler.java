package margins.explore.regime;

import java.util.List;
import java.util.Set;

/** A way of choosing latents in one regime; each is a small class keyed by a kebab-case id. */
public interface Sampler {

  String id();

  Regime regime();

  /** One line for `--help` and reports. */
  String describe();

  /** The parameter names it takes (anything else is refused with this list). */
  Set<String> parameters();

  /** One draw per seed, the same draws for the same seeds, context and parameters. */
  List<Draw> draw(SamplerContext context, List<Long> seeds);
}

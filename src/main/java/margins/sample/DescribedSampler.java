package margins.sample;

import java.util.Set;
import margins.recipe.Regime;

/** What a sampler says about itself, held once: its id, regime, one-line description and parameters. */
abstract class DescribedSampler implements Sampler {

  private final String id;
  private final Regime regime;
  private final String describe;
  private final String usage;
  private final Set<String> parameters;
  private boolean needsArchive = true;
  private boolean takesSource;
  private boolean needsDensity;

  /**
   * @param usage the parameters with their ranges and defaults, as {@code sample --list} prints them
   * @param parameters the parameter names it takes; anything else is refused with this list
   */
  DescribedSampler(String id, Regime regime, String describe, String usage, String... parameters) {
    this.id = id;
    this.regime = regime;
    this.describe = describe;
    this.usage = usage;
    this.parameters = Set.of(parameters);
  }

  /** Marks a sampler that draws from the prior alone and never reads the archive. */
  final void priorOnly() {
    needsArchive = false;
  }

  /** Marks a sampler that draws from a two-stage model's learned density (and the prior alone otherwise). */
  final void fromDensity() {
    priorOnly();
    needsDensity = true;
  }

  /** Marks a sampler that can vary a given image instead of archive items. */
  final void acceptsSource() {
    takesSource = true;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Regime regime() {
    return regime;
  }

  @Override
  public final String describe() {
    return describe;
  }

  @Override
  public final Set<String> parameters() {
    return parameters;
  }

  @Override
  public final String usage() {
    return usage;
  }

  @Override
  public final boolean needsArchive() {
    return needsArchive;
  }

  @Override
  public final boolean takesSource() {
    return takesSource;
  }

  @Override
  public final boolean needsDensity() {
    return needsDensity;
  }
}

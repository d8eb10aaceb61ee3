package margins.sample;

import java.util.List;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: codes from the far tails of a two-stage model's learned density, its flow carrying base noise scaled well
 * past 1 to places the archive's codes thin out: forms the archive only hints at, still decoded by a sharp decoder.
 */
public final class DensityTail extends DescribedSampler {

  public static final String ID = "density-tail";

  public DensityTail() {
    super(ID, Regime.ALIEN,
        "codes from the learned density's far tails (two-stage models): base noise scaled by psi > 1",
        "psi in [1, 6] (3.0)",
        "psi");
    fromDensity();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double psi = ctx.params().number("psi", 3.0, 1.0, 6.0);
    return Dream.dreams(ctx, seeds, ID, psi);
  }
}

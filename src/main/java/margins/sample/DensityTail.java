package margins.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.network.CodeDensity;
import margins.network.Latents;
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
    priorOnly();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double psi = ctx.params().number("psi", 3.0, 1.0, 6.0);
    CodeDensity density = ctx.model().requireDensity("the '" + ID + "' sampler");
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      float[] code = density.dream(new float[][] {Latents.gaussian(s, density.latent())}, psi)[0];
      out.add(Draw.of(s, code, Map.of("psi", psi)));
    }
    return out;
  }
}

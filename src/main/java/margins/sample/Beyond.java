package margins.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.network.CodeDensity;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: dreams pushed beyond the learned density's support. Each seed's dream (a code the density finds typical) has
 * its offset from the archive codes' mean multiplied by reach: the same direction the archive's forms lie in, taken
 * further than any archive code goes, decoded by a decoder that never saw codes there.
 */
public final class Beyond extends DescribedSampler {

  public static final String ID = "beyond";

  public Beyond() {
    super(ID, Regime.ALIEN,
        "dreams pushed beyond the learned density's support (two-stage models): offset from the codes' mean x reach",
        "reach in [1, 20] (4.0), psi in [0, 3] (1.0)",
        "reach", "psi");
    fromDensity();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double reach = ctx.params().number("reach", 4.0, 1.0, 20.0);
    double psi = ctx.params().number("psi", 1.0, 0.0, 3.0);
    CodeDensity density = ctx.model().requireDensity("the '" + ID + "' sampler");
    float[] mean = density.mean();
    List<Draw> out = new ArrayList<>();
    for (Draw d : Dream.dreams(ctx, seeds, ID, psi)) {
      float[] z = d.latent().clone();
      for (int j = 0; j < z.length; j++) {
        z[j] = (float) (mean[j] + reach * (z[j] - mean[j]));
      }
      out.add(Draw.of(d.seed(), z, Map.of("psi", psi, "reach", reach)));
    }
    return out;
  }
}

package margins.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.network.CodeDensity;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Mimetic: new codes drawn from the density a two-stage model learned over its archive's codes (its flow), so the
 * images are new ones of the archive's kind rather than archive codes moved. The seed names the base noise; psi
 * scales it: below 1 the density's typical middle, above 1 its tails.
 */
public final class Dream extends DescribedSampler {

  public static final String ID = "dream";

  public Dream() {
    super(ID, Regime.MIMETIC,
        "new codes from the learned density (two-stage models): psi < 1 typical, > 1 its tails",
        "psi in [0, 3] (1.0)",
        "psi");
    fromDensity();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double psi = ctx.params().number("psi", 1.0, 0.0, 3.0);
    return dreams(ctx, seeds, ID, psi);
  }

  /** Codes carried by the density from each seed's base noise scaled by psi; shared with the density's tails. */
  static List<Draw> dreams(SamplerContext ctx, List<Long> seeds, String sampler, double psi) {
    CodeDensity density = ctx.model().requireDensity("the '" + sampler + "' sampler");
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      // One seed at a time: a code never depends on which other seeds were drawn with it.
      out.add(Draw.of(s, density.dream(s, psi), Map.of("psi", psi)));
    }
    return out;
  }
}

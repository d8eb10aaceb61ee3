package margins.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.network.Latents;
import margins.recipe.Draw;
import margins.recipe.Regime;

/** Mimetic: prior samples pulled toward the centre (psi below 1), the typical look-alikes. */
public final class Truncated extends DescribedSampler {

  public static final String ID = "truncated";

  public Truncated() {
    super(ID, Regime.MIMETIC,
        "prior samples scaled by psi < 1 (default 0.7): typical, averaged forms",
        "psi in [0, 1] (0.7)",
        "psi");
    priorOnly();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double psi = ctx.params().number("psi", 0.7, 0.0, 1.0);
    return scaled(ctx.latent(), seeds, psi);
  }

  static List<Draw> scaled(int latent, List<Long> seeds, double psi) {
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      out.add(Draw.of(s, Latents.truncated(s, latent, psi), Map.of("psi", psi)));
    }
    return out;
  }
}

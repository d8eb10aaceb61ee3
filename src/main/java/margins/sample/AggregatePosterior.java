package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.math.Gmm;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Mimetic: draws from a Gaussian mixture (diagonal, K components, see {@link Gmm}) fitted to the encoded archive:
 * where the archive actually lies in latent space, not the prior's ball. psi below 1 narrows every component.
 */
public final class AggregatePosterior extends DescribedSampler {

  public static final String ID = "aggregate-posterior";
  private static final long SALT = 0xA66E6A7EL;

  public AggregatePosterior() {
    super(ID, Regime.MIMETIC,
        "draws from a Gaussian mixture fitted to the encoded archive (k components, spread scaled by psi)",
        "k in [1, 256] (16), psi in [0, 1] (1.0)",
        "k", "psi");
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    int k = ctx.params().integer("k", 16, 1, 256);
    double psi = ctx.params().number("psi", 1.0, 0, 1);
    Gmm gmm = Fits.gmm(ctx, k);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("k", gmm.components());
      p.put("psi", psi);
      out.add(Draw.of(s, gmm.sample(r, psi), p));
    }
    return out;
  }
}

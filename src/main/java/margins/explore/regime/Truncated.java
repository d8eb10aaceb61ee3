package margins.explore.regime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margins.network.Latents;

/** Mimetic: prior samples pulled toward the centre (psi below 1), the typical look-alikes. */
public final class Truncated implements Sampler {

  public static final String ID = "truncated";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Regime regime() {
    return Regime.MIMETIC;
  }

  @Override
  public String describe() {
    return "prior samples scaled by psi < 1 (default 0.7): typical, averaged forms";
  }

  @Override
  public Set<String> parameters() {
    return Set.of("psi");
  }

  @Override
  public String usage() {
    return "psi in [0, 1] (0.7)";
  }

  @Override
  public boolean needsArchive() {
    return false;
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

package margins.explore.regime;

import java.util.List;
import java.util.Set;

/** Alien: prior samples pushed out past the typical set (psi above 1), into the model's statistical margins. */
public final class Tail implements Sampler {

  public static final String ID = "tail";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Regime regime() {
    return Regime.ALIEN;
  }

  @Override
  public String describe() {
    return "prior samples scaled by psi > 1 (default 2.0): the tails, beyond the typical shell";
  }

  @Override
  public Set<String> parameters() {
    return Set.of("psi");
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double psi = ctx.params().number("psi", 2.0, 1.0, 10.0);
    return Truncated.scaled(ctx.latent(), seeds, psi);
  }
}

package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import margins.bend.Operations;
import margins.network.Latents;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: a base latent (an archive neighbour, or a prior sample at psi) decoded with Gaussian noise added to one
 * decoder layer's maps (the "noise" operation, its own seed kept in the recipe): the form is kept, its making
 * disturbed.
 */
public final class ActivationNoiseSampler extends DescribedSampler {

  public static final String ID = "activation-noise";
  private static final long SALT = 0xAC71A7EL;
  private static final String NEIGHBOUR = "archive-neighbour";
  private static final String PRIOR = "prior";

  public ActivationNoiseSampler() {
    super(ID, Regime.ALIEN,
        "noise of a given strength added to one decoder layer's maps, on an archive neighbour or a prior sample",
        "layer a decoder layer (up1), strength in [0, 100] (1.0), base archive-neighbour or prior "
            + "(archive-neighbour), psi in [0, 3] (1.0, prior base), radius in [0, 5] (0.3, neighbour base)",
        "layer", "strength", "base", "psi", "radius");
    acceptsSource();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    SamplerParams p = ctx.params();
    p.allowOnly(ID, parameters());
    String layer = ctx.layer("layer", "up1");
    double strength = p.number("strength", 1.0, 0, 100);
    String base = p.choice("base", NEIGHBOUR, Set.of(NEIGHBOUR, PRIOR));
    double psi = p.number("psi", 1.0, 0, 3);
    double radius = p.number("radius", 0.3, 0, 5);
    boolean prior = base.equals(PRIOR) && ctx.source().isEmpty();
    float[] spread = prior ? null : Fits.spread(ctx);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      long noiseSeed = r.nextLong();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("layer", layer);
      m.put("strength", strength);
      m.put("base", prior ? PRIOR : NEIGHBOUR);
      float[] z;
      List<String> parents;
      if (prior) {
        z = Latents.truncated(s, ctx.latent(), psi);
        m.put("psi", psi);
        parents = List.of();
      } else {
        Base b = Base.pick(ctx, r);
        z = ArchiveNeighbours.near(b.mean(), spread, radius, r);
        m.put("radius", radius);
        if (b.item() >= 0) {
          m.put("item", b.item());
        }
        parents = b.parents();
      }
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("layer", layer);
      op.put("strength", strength);
      op.put("seed", noiseSeed);
      out.add(new Draw(s, z, List.of(Operations.of("noise", op)), m, parents));
    }
    return out;
  }
}

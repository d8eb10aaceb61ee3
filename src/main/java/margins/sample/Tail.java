package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.math.VectorMath;
import margins.network.Latents;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: prior samples pushed out past the typical set (psi above 1), into the model's statistical margins; or,
 * with {@code shell}, placed exactly on the sphere of radius shell * sqrt(d) (the typical set is the shell of radius
 * about sqrt(d)). Varying an image, its posterior sample is scaled by psi instead.
 */
public final class Tail extends DescribedSampler {

  public static final String ID = "tail";
  private static final long SALT = 0x7A11L;

  public Tail() {
    super(ID, Regime.ALIEN,
        "prior samples scaled by psi > 1 (default 2.0), or on a shell of radius shell*sqrt(d): the tails",
        "psi in [1, 10] (2.0), or shell in [1, 10] (radius in units of sqrt(d))",
        "psi", "shell");
    priorOnly();
    acceptsSource();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    SamplerParams p = ctx.params();
    p.allowOnly(ID, parameters());
    if (p.has("shell") && p.has("psi")) {
      throw new BadParameter("tail takes psi or shell, not both");
    }
    double psi = p.number("psi", 2.0, 1.0, 10.0);
    if (p.has("shell")) {
      double shell = p.number("shell", 2.0, 1.0, 10.0);
      return shell(ctx.latent(), seeds, shell);
    }
    if (ctx.source().isPresent()) {
      Source src = ctx.source().get();
      List<Draw> out = new ArrayList<>();
      for (long s : seeds) {
        float[] z = src.posteriorSample(Rng.of(s, SALT), 1.0);
        for (int i = 0; i < z.length; i++) {
          z[i] = (float) (z[i] * psi);
        }
        out.add(new Draw(s, z, List.of(), Map.of("psi", psi), src.parents()));
      }
      return out;
    }
    return Truncated.scaled(ctx.latent(), seeds, psi);
  }

  private static List<Draw> shell(int d, List<Long> seeds, double shell) {
    List<Draw> out = new ArrayList<>();
    double radius = shell * Math.sqrt(d);
    for (long s : seeds) {
      float[] z = Latents.gaussian(s, d);
      double n = VectorMath.norm(z);
      for (int i = 0; i < d; i++) {
        z[i] = (float) (z[i] * radius / n);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("shell", shell);
      p.put("radius", radius);
      out.add(Draw.of(s, z, p));
    }
    return out;
  }
}

package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.math.Gmm;
import margins.math.VectorMath;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: latents where the archive's mixture (see {@link Gmm}) is thin. Each output draws {@code candidates} points
 * from the mixture with every spread multiplied by {@code inflate}, keeps those whose norm is at most
 * {@code cap} times the largest norm of an archive code (so "thin" does not just mean "far away"), and takes the one
 * of lowest mixture log-density; the recipe records it.
 */
public final class LowDensity extends DescribedSampler {

  public static final String ID = "low-density";
  private static final long SALT = 0x10DE4517L;

  public LowDensity() {
    super(ID, Regime.ALIEN,
        "of many inflated mixture draws within a norm cap, the one where the archive's mixture is thinnest",
        "candidates in [1, 10000] (256), inflate in [1, 10] (2.0), cap in [0.1, 10] (1.0 x the archive's "
            + "largest code norm), k in [1, 256] (16)",
        "candidates", "inflate", "cap", "k");
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    SamplerParams p = ctx.params();
    p.allowOnly(ID, parameters());
    int candidates = p.integer("candidates", 256, 1, 10_000);
    double inflate = p.number("inflate", 2.0, 1, 10);
    double cap = p.number("cap", 1.0, 0.1, 10);
    int k = p.integer("k", 16, 1, 256);
    Gmm gmm = Fits.gmm(ctx, k);
    double maxNorm = cap * Fits.maxNorm(ctx);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      float[] best = null;
      double bestLog = Double.POSITIVE_INFINITY;
      float[] nearest = null;
      double nearestNorm = Double.POSITIVE_INFINITY;
      for (int c = 0; c < candidates; c++) {
        float[] z = gmm.sample(r, inflate);
        double n = VectorMath.norm(z);
        if (n <= maxNorm) {
          double lp = gmm.logDensity(z);
          if (lp < bestLog) {
            bestLog = lp;
            best = z;
          }
        } else if (n < nearestNorm) {
          nearestNorm = n;
          nearest = z;
        }
      }
      if (best == null) {
        // Nothing under the cap: the candidate nearest to it, pulled onto it.
        best = nearest;
        for (int i = 0; i < best.length; i++) {
          best[i] = (float) (best[i] * maxNorm / nearestNorm);
        }
        bestLog = gmm.logDensity(best);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("candidates", candidates);
      m.put("inflate", inflate);
      m.put("cap", cap);
      m.put("k", gmm.components());
      m.put("logDensity", bestLog);
      out.add(Draw.of(s, best, m));
    }
    return out;
  }
}

package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.math.KMeans;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: an encoded item pushed away from the centre of its k-means cluster, {@code z = c + alpha (mu - c)} with
 * alpha above 1: its cluster's own direction of difference, exaggerated past the archive's hull. Varying an image,
 * mu is a draw from its posterior (so k variations differ) and c the nearest centre.
 */
public final class Extrapolate extends DescribedSampler {

  public static final String ID = "extrapolate";
  private static final long SALT = 0xE7A9017EL;

  public Extrapolate() {
    super(ID, Regime.ALIEN,
        "an item's code pushed from its k-means cluster centre: z = c + alpha (mu - c), alpha > 1",
        "alpha in [1, 20] (2.5), k in [1, 256] (16)",
        "alpha", "k");
    acceptsSource();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double alpha = ctx.params().number("alpha", 2.5, 1, 20);
    int k = ctx.params().integer("k", 16, 1, 256);
    KMeans km = Fits.kmeans(ctx, k);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      Base b = Base.pick(ctx, r);
      float[] mu = b.item() >= 0 ? b.mean() : b.posteriorSample(r, 1.0);
      int cluster = km.nearest(mu);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("alpha", alpha);
      p.put("k", km.k());
      p.put("cluster", cluster);
      if (b.item() >= 0) {
        p.put("item", b.item());
      }
      out.add(new Draw(s, push(km.centres()[cluster], mu, alpha), List.of(), p, b.parents()));
    }
    return out;
  }

  /** c + alpha (mu - c). */
  public static float[] push(float[] c, float[] mu, double alpha) {
    float[] z = new float[mu.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (c[i] + alpha * (mu[i] - c[i]));
    }
    return z;
  }
}

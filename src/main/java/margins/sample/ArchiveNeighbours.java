package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Mimetic: an archive item (chosen by the seed), encoded to its posterior mean, moved a little in every latent
 * dimension: {@code z = mu + radius * spread * N(0, I)}, where spread is each dimension's standard deviation over
 * the encoded archive. Radius 0.6 keeps the item recognisable and
 * still new: on the demo archive it copies less than the held-out split does (0.3 made two thirds copies).
 */
public final class ArchiveNeighbours extends DescribedSampler {

  public static final String ID = "archive-neighbours";
  private static final long SALT = 0xA2C41BE5L;

  public ArchiveNeighbours() {
    super(ID, Regime.MIMETIC,
        "an archive item's code moved within a small radius (0.6 of each dimension's spread over the archive)",
        "radius in [0, 5] (0.6)",
        "radius");
    acceptsSource();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double radius = ctx.params().number("radius", 0.6, 0, 5);
    float[] spread = Fits.spread(ctx);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      Base b = Base.pick(ctx, r);
      float[] z = near(b.mean(), spread, radius, r);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("radius", radius);
      if (b.item() >= 0) {
        p.put("item", b.item());
      }
      out.add(new Draw(s, z, List.of(), p, b.parents()));
    }
    return out;
  }

  /** mean + radius * spread * N(0, I), drawn from r. */
  static float[] near(float[] mean, float[] spread, double radius, Random r) {
    float[] z = new float[mean.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (mean[i] + radius * spread[i] * r.nextGaussian());
    }
    return z;
  }
}

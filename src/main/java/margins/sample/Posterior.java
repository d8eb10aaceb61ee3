package margins.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Mimetic: a draw from one item's own posterior, {@code z = mu + scale * sigma * N(0, I)}: the variations the
 * encoder itself considers the same image. `margins vary` uses it (mimetic default) around the given image.
 */
public final class Posterior extends DescribedSampler {

  public static final String ID = "posterior";
  private static final long SALT = 0x9057E810L;

  public Posterior() {
    super(ID, Regime.MIMETIC,
        "a draw from an item's own posterior (its encoder spread times scale)",
        "scale in [0, 5] (1.0)",
        "scale");
    acceptsSource();
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    ctx.params().allowOnly(ID, parameters());
    double scale = ctx.params().number("scale", 1.0, 0, 5);
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      Base b = Base.pick(ctx, r);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("scale", scale);
      if (b.item() >= 0) {
        p.put("item", b.item());
      }
      out.add(new Draw(s, b.posteriorSample(r, scale), List.of(), p, b.parents()));
    }
    return out;
  }
}

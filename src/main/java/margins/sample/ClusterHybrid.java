package margins.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import margins.bend.Mix;
import margins.math.KMeans;
import margins.math.VectorMath;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: two archive items from k-means clusters far apart grown into one image. The seed picks a cluster, then one
 * of the farthest quarter of the others, then an item of each; the first item's code is decoded and, at one decoder
 * layer, the second's maps replace it under a spatial mask (the "mix" operation, kept in the recipe).
 */
public final class ClusterHybrid extends DescribedSampler {

  public static final String ID = "cluster-hybrid";
  private static final long SALT = 0xC1B5E4L;
  private static final String ANY = "any";

  public ClusterHybrid() {
    super(ID, Regime.ALIEN,
        "items of two distant k-means clusters mixed spatially in a decoder layer's maps",
        "k in [2, 256] (8), layer a decoder layer (up1), mask one of " + Mix.MASKS + " or any (any: by seed)",
        "k", "layer", "mask");
  }

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    SamplerParams p = ctx.params();
    p.allowOnly(ID, parameters());
    int k = p.integer("k", 8, 2, 256);
    String layer = ctx.layer("layer", "up1");
    Set<String> masks = new TreeSet<>(Mix.MASKS);
    masks.add(ANY);
    String maskParam = p.choice("mask", ANY, masks);
    KMeans km = Fits.kmeans(ctx, k);
    int[] filled = IntStream.range(0, km.k()).filter(c -> km.members(c).length > 0).toArray();
    if (filled.length < 2) {
      throw new margins.MarginsException("cluster-hybrid needs two non-empty clusters; the archive gave "
          + filled.length);
    }
    float[][] codes = ctx.codes().means();
    int[] items = ctx.trainIndices();
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      int a = filled[r.nextInt(filled.length)];
      int b = farCluster(km, filled, a, r);
      int[] ma = km.members(a);
      int[] mb = km.members(b);
      int rowA = ma[r.nextInt(ma.length)];
      int rowB = mb[r.nextInt(mb.length)];
      String mask = maskParam.equals(ANY) ? Mix.MASKS.get(r.nextInt(Mix.MASKS.size())) : maskParam;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("k", km.k());
      m.put("clusters", List.of(a, b));
      m.put("layer", layer);
      m.put("mask", mask);
      out.add(new Draw(s, codes[rowA].clone(), List.of(Mix.operation(layer, codes[rowB], mask)), m,
          List.of("archive:" + items[rowA], "archive:" + items[rowB])));
    }
    return out;
  }

  /** One of the farthest quarter (at least one) of the other non-empty clusters from cluster a. */
  static int farCluster(KMeans km, int[] filled, int a, Random r) {
    float[] ca = km.centres()[a];
    List<Integer> others = new ArrayList<>();
    for (int c : filled) {
      if (c != a) {
        others.add(c);
      }
    }
    others.sort(Comparator.comparingDouble((Integer c) -> -VectorMath.squaredDistance(km.centres()[c], ca)).thenComparing(c -> c));
    int top = Math.max(1, others.size() / 4);
    return others.get(r.nextInt(top));
  }
}

package margins.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import margins.BadParameter;
import margins.math.VectorMath;
import margins.recipe.Draw;

/**
 * Children of chosen tiles: mutations ({@code z + m * spread * N(0, I)}, spread being each latent dimension's
 * standard deviation over the encoded archive) and, with two parents or more, crossovers for every other child:
 * the great-circle arc between two parents at t in [0.25, 0.75], mutated half as much. Child i draws from its own
 * stream seeded by (seed, i); its recipe's seed is seed + i.
 */
final class Breeding {

  /** A child before decoding, with how it came from which parents. */
  record Child(Draw draw, String origin, List<String> parents) {}

  /** Mutation strengths allowed. */
  static final double MAX_MUTATION = 3;

  private Breeding() {}

  static List<Child> children(List<Tile> parents, double mutation, long seed, int n, float[] spread, String origin) {
    if (parents.isEmpty()) {
      throw new BadParameter("breeding needs at least one parent: keep a tile, or mark one 'use as parent'");
    }
    if (!(mutation >= 0 && mutation <= MAX_MUTATION)) {
      throw new BadParameter("mutation must be in [0, " + MAX_MUTATION + "], not " + mutation);
    }
    List<Child> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Random r = new Random(new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (i + 1)));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("mutation", mutation);
      p.put("breedSeed", seed);
      if (parents.size() >= 2 && i % 2 == 1) {
        int a = r.nextInt(parents.size());
        int b = (a + 1 + r.nextInt(parents.size() - 1)) % parents.size();
        Tile pa = parents.get(a);
        Tile pb = parents.get(b);
        double t = 0.25 + 0.5 * r.nextDouble();
        float[] z = mutate(VectorMath.slerp(pa.latent(), pb.latent(), t), spread, mutation / 2, r);
        p.put("t", t);
        out.add(new Child(new Draw(seed + i, z, pa.operations(), p, List.of()), "crossover",
            List.of(pa.id(), pb.id())));
      } else {
        Tile pa = parents.get(i % parents.size());
        out.add(new Child(new Draw(seed + i, mutate(pa.latent(), spread, mutation, r), pa.operations(), p, List.of()),
            origin, List.of(pa.id())));
      }
    }
    return out;
  }

  static float[] mutate(float[] z, float[] spread, double m, Random r) {
    float[] out = new float[z.length];
    for (int j = 0; j < z.length; j++) {
      out[j] = (float) (z[j] + m * spread[j] * r.nextGaussian());
    }
    return out;
  }

  /** Each latent dimension's standard deviation over the codes. */
  static float[] spread(float[][] codes) {
    int d = codes[0].length;
    float[] s = new float[d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (float[] c : codes) {
        mean += c[j];
      }
      mean /= codes.length;
      double v = 0;
      for (float[] c : codes) {
        v += (c[j] - mean) * (c[j] - mean);
      }
      s[j] = (float) Math.sqrt(v / codes.length);
    }
    return s;
  }
}

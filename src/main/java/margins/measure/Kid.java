package margins.measure;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018) on any feature vectors: the unbiased MMD^2 estimate with the
 * cubic polynomial kernel k(x, y) = (x.y / d + 1)^3. Two estimators: {@link #estimate} averages over random
 * overlapping subsets (the classic recipe, 100 x 1000), {@link KidBlocks} computes the full U-statistic once from
 * kernel sums over disjoint blocks (the fast default of the batch measures).
 */
public final class Kid {

  /** Bińkowski et al. and common implementations use 100 subsets of 1000. */
  public static final int DEFAULT_SUBSETS = 100;

  public static final int DEFAULT_SUBSET_SIZE = 1000;

  /** Mean and population standard deviation (divisor = subsets) of the per-subset MMD^2 estimates. */
  public record Estimate(double mean, double std, int subsets, int subsetSize) {}

  private Kid() {}

  /**
   * Draws {@code subsets} pairs of index sets of size m = min(subsetSize, |outputs|, |archive|) from a
   * SplittableRandom seeded with {@code seed}, all before any arithmetic, so the answer is the same for any thread
   * count. Subsets in 1..100000, subsetSize >= 2, and both sets need at least 2 vectors.
   */
  public static Estimate estimate(float[][] outputs, float[][] archive, int subsets, int subsetSize, long seed) {
    VectorSets.requireSameDimension(outputs, "outputs", archive, "archive vectors");
    if (subsets < 1 || subsets > 100_000) {
      throw new IllegalArgumentException("KID subsets must be in 1..100000, got " + subsets);
    }
    if (subsetSize < 2) {
      throw new IllegalArgumentException("KID subset size must be >= 2, got " + subsetSize);
    }
    int m = Math.min(subsetSize, Math.min(outputs.length, archive.length));
    if (m < 2) {
      throw new IllegalArgumentException(
          "KID needs at least 2 outputs and 2 archive vectors, got " + outputs.length + " and " + archive.length);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] outPool = identity(outputs.length);
    int[] archPool = identity(archive.length);
    int[][] xs = new int[subsets][];
    int[][] ys = new int[subsets][];
    for (int s = 0; s < subsets; s++) {
      xs[s] = sample(outPool, m, random);
      ys[s] = sample(archPool, m, random);
    }
    // A subset that takes a whole set is that set in another order, and the off-diagonal sum does not see order:
    // compute it once (the common case of at most 1000 outputs saves a third of the work).
    double xxWhole = m == outputs.length ? kernelSum(outputs, new Columns(outputs), true) : Double.NaN;
    double yyWhole = m == archive.length ? kernelSum(archive, new Columns(archive), true) : Double.NaN;
    double[] mmd = new double[subsets];
    IntStream.range(0, subsets).parallel().forEach(s -> {
      float[][] x = gather(outputs, xs[s]);
      float[][] y = gather(archive, ys[s]);
      double xx = Double.isNaN(xxWhole) ? kernelSum(x, new Columns(x), true) : xxWhole;
      double yy = Double.isNaN(yyWhole) ? kernelSum(y, new Columns(y), true) : yyWhole;
      mmd[s] = combine(xx, yy, kernelSum(x, new Columns(y), false), m);
    });
    double mean = 0;
    for (double v : mmd) {
      mean += v;
    }
    mean /= subsets;
    double var = 0;
    for (double v : mmd) {
      var += (v - mean) * (v - mean);
    }
    return new Estimate(mean, Math.sqrt(var / subsets), subsets, m);
  }

  /**
   * Unbiased MMD^2 from kernel sums of two sets of size m: mean off-diagonal k over X, plus the same over Y, minus
   * twice the mean k over all X x Y pairs.
   */
  static double combine(double xx, double yy, double xy, int m) {
    return (xx + yy) / ((double) m * (m - 1)) - 2 * xy / ((double) m * m);
  }

  /** Sum of k(a, b) over a in rows and b in cols, leaving out a == b (same index) when offDiagonal. */
  private static double kernelSum(float[][] rows, Columns cols, boolean offDiagonal) {
    double d = cols.dimension;
    float[] acc = new float[Columns.BLOCK];
    double sum = 0;
    for (int a = 0; a < rows.length; a++) {
      for (int b = 0; b < cols.blockCount(); b++) {
        cols.dots(rows[a], b, acc);
        int start = cols.blockStart(b);
        for (int j = 0; j < cols.blockWidth(b); j++) {
          if (offDiagonal && start + j == a) {
            continue;
          }
          double base = acc[j] / d + 1;
          sum += base * base * base;
        }
      }
    }
    return sum;
  }

  static int[] identity(int n) {
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    return pool;
  }

  /** Partial Fisher-Yates: the first m entries of the pool become a uniform sample without replacement. */
  static int[] sample(int[] pool, int m, SplittableRandom random) {
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return java.util.Arrays.copyOf(pool, m);
  }

  static float[][] gather(float[][] set, int[] index) {
    float[][] out = new float[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = set[index[i]];
    }
    return out;
  }
}

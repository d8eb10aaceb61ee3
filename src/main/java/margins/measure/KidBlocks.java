package margins.measure;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * KID from kernel sums over disjoint blocks: each side is shuffled (seeded) and cut into S blocks of equal size;
 * every kernel value between the kept items is summed once (symmetric sums only over pairs i < j), which gives
 * both the full unbiased U-statistic over all kept items (the reported mean) and, from the same sums, S
 * independent per-block estimates X_a against Y_a (the reported std, as Bińkowski's per-subset std). The archive
 * side, its shuffle and its sums are computed once per {@link Reference} and reused for every batch.
 *
 * <p>Why: the classic 100 overlapping subsets of 1000 cost 100 x 2 x 1000^2 kernel values (about 12 s for 1,000
 * outputs against 4,500 archive items on 2 cores) and still see the same pairs many times. Here one batch costs
 * (S m)^2 / 2 + (S m)(S n) kernel values, every kept pair once; the mean stays unbiased (a U-statistic of a
 * uniformly random subset is unbiased) and uses every item as long as a side holds at most S x maxBlock.
 */
public final class KidBlocks {

  /** Ten disjoint blocks: ten independent per-block estimates for the std. */
  public static final int DEFAULT_BLOCKS = 10;

  /** At most 500 items per block, so at most 5,000 per side: 10,000 outputs cost about 2 s, not 8. */
  public static final int DEFAULT_MAX_BLOCK = 500;

  /** Rows per parallel task. */
  private static final int ROWS = 16;

  private KidBlocks() {}

  /**
   * The archive side, shuffled and blocked once.
   *
   * @param vectors the kept archive items, block after block ((blocks x blockSize) vectors)
   * @param blocks S
   * @param blockSize items per block
   * @param total sum of k over all ordered pairs i != j of kept items
   * @param diagonal per block, the same sum within that block
   */
  public record Reference(float[][] vectors, int blocks, int blockSize, double total, double[] diagonal) {}

  /** Blocks of the archive: S = min(blocks, n / 2) blocks of min(maxBlock, n / S) items, shuffled with the seed. */
  public static Reference reference(float[][] archive, int blocks, int maxBlock, long seed) {
    VectorSets.requireSet(archive, "archive vectors");
    check(blocks, maxBlock);
    if (archive.length < 2) {
      throw new IllegalArgumentException("KID needs at least 2 archive vectors, got " + archive.length);
    }
    int s = Math.min(blocks, archive.length / 2);
    int size = Math.min(maxBlock, archive.length / s);
    float[][] kept = shuffled(archive, s * size, seed);
    Sums sums = symmetric(kept, size, s);
    return new Reference(kept, s, size, sums.total, sums.diagonal);
  }

  /**
   * KID of the outputs against a reference: the outputs are shuffled with the seed and cut into S' = min(S,
   * outputs / 2) blocks of min(maxBlock, outputs / S') items; subsets and subsetSize of the estimate are S' and
   * the output block size. The answer does not depend on the thread count (per-row sums, added in order).
   */
  public static Kid.Estimate estimate(float[][] outputs, Reference ref, int maxBlock, long seed) {
    VectorSets.requireSameDimension(outputs, "outputs", ref.vectors(), "archive vectors");
    check(ref.blocks(), maxBlock);
    if (outputs.length < 2) {
      throw new IllegalArgumentException("KID needs at least 2 outputs, got " + outputs.length);
    }
    int s = Math.min(ref.blocks(), outputs.length / 2);
    int m = Math.min(maxBlock, outputs.length / s);
    int n = ref.blockSize();
    float[][] x = shuffled(outputs, s * m, seed);
    Sums xx = symmetric(x, m, s);
    Sums xy = cross(x, m, ref.vectors(), n, s);
    long mx = (long) s * m;
    long ny = (long) ref.blocks() * n;
    double mean = xx.total / (mx * (mx - 1.0)) + ref.total() / (ny * (ny - 1.0)) - 2 * xy.total / ((double) mx * ny);
    double[] per = new double[s];
    double avg = 0;
    for (int a = 0; a < s; a++) {
      per[a] = xx.diagonal[a] / (m * (m - 1.0)) + ref.diagonal()[a] / (n * (n - 1.0)) - 2 * xy.diagonal[a] / ((double) m * n);
      avg += per[a];
    }
    avg /= s;
    double var = 0;
    for (double v : per) {
      var += (v - avg) * (v - avg);
    }
    return new Kid.Estimate(mean, Math.sqrt(var / s), s, m);
  }

  private static void check(int blocks, int maxBlock) {
    if (blocks < 1 || blocks > 1000) {
      throw new IllegalArgumentException("KID blocks must be in 1..1000, got " + blocks);
    }
    if (maxBlock < 2) {
      throw new IllegalArgumentException("KID block size must be >= 2, got " + maxBlock);
    }
  }

  private static float[][] shuffled(float[][] set, int keep, long seed) {
    int[] order = Kid.sample(Kid.identity(set.length), keep, new SplittableRandom(seed));
    return Kid.gather(set, order);
  }

  /** A total and per-block diagonal sums. */
  private record Sums(double total, double[] diagonal) {}

  /** Sums of k over ordered pairs i != j of one set cut into blocks of {@code size}, from the pairs i < j. */
  private static Sums symmetric(float[][] set, int size, int blocks) {
    Columns cols = new Columns(set);
    double[] rowTotal = new double[set.length];
    double[] rowDiag = new double[set.length];
    forRows(set.length, i -> {
      float[] acc = new float[Columns.BLOCK];
      int blockEnd = (i / size + 1) * size;
      double total = 0;
      double diag = 0;
      for (int c = (i + 1) / Columns.BLOCK; c < cols.blockCount(); c++) {
        cols.dots(set[i], c, acc);
        int start = cols.blockStart(c);
        for (int j = Math.max(i + 1, start) - start; j < cols.blockWidth(c); j++) {
          double k = kernel(acc[j], cols.dimension);
          total += k;
          if (start + j < blockEnd) {
            diag += k;
          }
        }
      }
      rowTotal[i] = total;
      rowDiag[i] = diag;
    });
    return collect(rowTotal, rowDiag, size, blocks, 2);
  }

  /** Sums of k(x_i, y_j) over all pairs, and within block pairs (X_a, Y_a). */
  private static Sums cross(float[][] x, int m, float[][] y, int n, int blocks) {
    Columns cols = new Columns(y);
    double[] rowTotal = new double[x.length];
    double[] rowDiag = new double[x.length];
    forRows(x.length, i -> {
      float[] acc = new float[Columns.BLOCK];
      int from = (i / m) * n;
      int to = from + n;
      double total = 0;
      double diag = 0;
      for (int c = 0; c < cols.blockCount(); c++) {
        cols.dots(x[i], c, acc);
        int start = cols.blockStart(c);
        for (int j = 0; j < cols.blockWidth(c); j++) {
          double k = kernel(acc[j], cols.dimension);
          total += k;
          if (start + j >= from && start + j < to) {
            diag += k;
          }
        }
      }
      rowTotal[i] = total;
      rowDiag[i] = diag;
    });
    return collect(rowTotal, rowDiag, m, blocks, 1);
  }

  private static double kernel(float dot, int dimension) {
    double base = dot / (double) dimension + 1;
    return base * base * base;
  }

  private static void forRows(int rows, java.util.function.IntConsumer row) {
    int tasks = (rows + ROWS - 1) / ROWS;
    IntStream.range(0, tasks).parallel().forEach(t -> {
      for (int i = t * ROWS; i < Math.min(rows, (t + 1) * ROWS); i++) {
        row.accept(i);
      }
    });
  }

  /** Adds per-row sums in row order (thread-count independent), times {@code factor} for symmetric halves. */
  private static Sums collect(double[] rowTotal, double[] rowDiag, int size, int blocks, int factor) {
    double total = 0;
    double[] diag = new double[blocks];
    for (int i = 0; i < rowTotal.length; i++) {
      total += rowTotal[i];
      diag[i / size] += rowDiag[i];
    }
    for (int a = 0; a < blocks; a++) {
      diag[a] *= factor;
    }
    return new Sums(total * factor, diag);
  }
}

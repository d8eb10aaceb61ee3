package margins.measure;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact Euclidean search of queries against a fixed reference set. A blocked float pass computes every squared
 * distance as |q|^2 + |r|^2 - 2 q.r (clamped at 0) with a proven error bound; any decision that bound cannot
 * settle is re-decided with the exact double distance, so results equal brute force and do not depend on the
 * number of threads (each query row is computed alone, in a fixed order).
 */
final class ExactSearch {

  /** Queries per parallel task: 64 rows of n doubles each, so memory per worker is 64 x 8n bytes. */
  static final int QUERY_BLOCK = 64;

  /** Visits one query's row of approximate distances; called concurrently for different queries. */
  interface RowVisitor {
    void visit(Row row);
  }

  final float[][] refs;
  private final Columns columns;
  private final double[] norms;
  private final double maxNorm;
  /** Bound on |approx - exact| per unit of (|q|^2 + |r|^2): float dot error (d + 1) 2^-24 doubled, with margin. */
  private final double slackFactor;

  ExactSearch(float[][] refs) {
    VectorSets.requireSet(refs, "reference vectors");
    this.refs = refs;
    this.columns = new Columns(refs);
    this.norms = new double[refs.length];
    double max = 0;
    for (int j = 0; j < refs.length; j++) {
      norms[j] = VectorSets.squaredNorm(refs[j]);
      max = Math.max(max, norms[j]);
    }
    this.maxNorm = max;
    this.slackFactor = (columns.dimension + 4) * 0x1p-23;
  }

  int size() {
    return refs.length;
  }

  int dimension() {
    return columns.dimension;
  }

  /** Streams the queries in blocks of {@link #QUERY_BLOCK}, in parallel, handing each finished row to the visitor. */
  void scan(float[][] queries, RowVisitor visitor) {
    int blocks = (queries.length + QUERY_BLOCK - 1) / QUERY_BLOCK;
    IntStream.range(0, blocks).parallel().forEach(b -> scanBlock(queries, b, visitor));
  }

  private void scanBlock(float[][] queries, int b, RowVisitor visitor) {
    int from = b * QUERY_BLOCK;
    int to = Math.min(queries.length, from + QUERY_BLOCK);
    Row[] rows = new Row[to - from];
    for (int q = from; q < to; q++) {
      rows[q - from] = new Row(q, queries[q]);
    }
    float[] acc = new float[Columns.BLOCK];
    // Column block outermost: one block stays in cache while every query of this task passes over it.
    for (int c = 0; c < columns.blockCount(); c++) {
      int start = columns.blockStart(c);
      int w = columns.blockWidth(c);
      for (Row row : rows) {
        columns.dots(row.vector, c, acc);
        for (int j = 0; j < w; j++) {
          row.approx[start + j] = Math.max(0.0, row.norm + norms[start + j] - 2.0 * acc[j]);
        }
      }
    }
    for (Row row : rows) {
      visitor.visit(row);
    }
  }

  /** One query's approximate squared distances to every reference, with exact fall-backs. */
  final class Row {
    final int index;
    final float[] vector;
    final double norm;
    final double[] approx;

    private Row(int index, float[] vector) {
      this.index = index;
      this.vector = vector;
      this.norm = VectorSets.squaredNorm(vector);
      this.approx = new double[refs.length];
    }

    double exact(int j) {
      return VectorSets.squared(vector, refs[j]);
    }

    /** Upper bound on |approx[j] - exact(j)|. */
    double slack(int j) {
      return slackFactor * (norm + norms[j]) + Double.MIN_NORMAL;
    }

    double maxSlack() {
      return slackFactor * (norm + maxNorm) + Double.MIN_NORMAL;
    }

    /** Exactly whether exact(j) <= squaredRadius; the exact distance is computed only when the bound is unsure. */
    boolean within(int j, double squaredRadius) {
      double a = approx[j];
      double s = slack(j);
      if (a + s <= squaredRadius) {
        return true;
      }
      if (a - s > squaredRadius) {
        return false;
      }
      return exact(j) <= squaredRadius;
    }

    /**
     * The k nearest references other than {@code exclude} (-1 for none), ordered by exact distance then index.
     * Candidates are all j whose approximate distance is within 2 x maxSlack of the approximate k-th smallest;
     * that set provably contains the exact k nearest.
     */
    Neighbours nearest(int k, int exclude) {
      double[] best = new double[k];
      Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (int j = 0; j < approx.length; j++) {
        double a = approx[j];
        if (j == exclude || a >= best[k - 1]) {
          continue;
        }
        int p = k - 1;
        while (p > 0 && best[p - 1] > a) {
          best[p] = best[p - 1];
          p--;
        }
        best[p] = a;
      }
      double threshold = best[k - 1] + 2 * maxSlack();
      int[] cand = new int[Math.max(2 * k, 8)];
      int count = 0;
      for (int j = 0; j < approx.length; j++) {
        if (j != exclude && approx[j] <= threshold) {
          if (count == cand.length) {
            cand = Arrays.copyOf(cand, 2 * count);
          }
          cand[count++] = j;
        }
      }
      double[] exact = new double[count];
      Integer[] idx = new Integer[count];
      for (int c = 0; c < count; c++) {
        exact[c] = exact(cand[c]);
        idx[c] = c;
      }
      // Candidates are in increasing index order, so a stable sort by distance breaks ties by lower index.
      Arrays.sort(idx, (x, y) -> Double.compare(exact[x], exact[y]));
      int[] index = new int[k];
      double[] squared = new double[k];
      for (int i = 0; i < k; i++) {
        index[i] = cand[idx[i]];
        squared[i] = exact[idx[i]];
      }
      return new Neighbours(index, squared);
    }
  }

  /** The k nearest references: indices and exact squared distances, nearest first. */
  record Neighbours(int[] index, double[] squared) {}
}

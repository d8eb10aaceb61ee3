package margins.store;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import margins.math.VectorMath;

/**
 * Nearest neighbours of a query in one space: exact (every distance) up to {@link #EXACT_LIMIT} vectors, Lucene's
 * HNSW graph ({@link HnswIndex}) beyond it.
 */
public final class Nearest {

  /** Up to this many vectors a search is exact. */
  public static final int EXACT_LIMIT = 100_000;

  /**
   * One neighbour.
   *
   * @param owner an item id, or archive:N
   * @param distance Euclidean distance in the space
   */
  public record Hit(String owner, double distance) {}

  private Nearest() {}

  /** The k nearest rows of the matrix, nearest first (ties: the earlier row). */
  public static List<Hit> exact(Vectors.Matrix m, float[] q, int k) {
    int[] rows = exactRows(m.vectors(), q, k);
    List<Hit> out = new ArrayList<>(rows.length);
    for (int r : rows) {
      out.add(new Hit(m.owners().get(r), Math.sqrt(squared(m.vectors()[r], q))));
    }
    return out;
  }

  /** The indices of the k nearest vectors, nearest first. */
  public static int[] exactRows(float[][] vectors, float[] q, int k) {
    TopK best = new TopK(k);
    for (int i = 0; i < vectors.length; i++) {
      best.offer(squared(vectors[i], q), i);
    }
    long[] ids = best.drain();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  static double squared(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " values cannot be compared");
    }
    return VectorMath.squaredDistance(a, b);
  }

  /** The k smallest distances offered so far and their ids (ties: the smaller id), for searches that stream. */
  public static final class TopK {

    private final int k;
    // A max-heap of the best k so far: (distance, id), the worst on top.
    private final PriorityQueue<double[]> heap;

    /** Keeps the k nearest. */
    public TopK(int k) {
      this.k = k;
      this.heap = new PriorityQueue<>(k + 1,
          (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(b[1], a[1]));
    }

    /** Keeps id if its distance is among the k smallest so far. */
    public void offer(double distance, long id) {
      if (heap.size() < k) {
        heap.add(new double[] {distance, id});
      } else if (distance < heap.peek()[0]) {
        heap.poll();
        heap.add(new double[] {distance, id});
      }
    }

    /** The ids kept, nearest first; the heap is empty afterwards. */
    public long[] drain() {
      long[] out = new long[heap.size()];
      for (int i = out.length - 1; i >= 0; i--) {
        out[i] = (long) heap.poll()[1];
      }
      return out;
    }
  }
}

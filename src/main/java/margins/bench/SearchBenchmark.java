package margins.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import margins.Progress;
import margins.math.VectorMath;
import margins.store.HnswIndex;
import margins.store.Nearest;
import margins.store.Store;
import margins.store.Vectors;

/**
 * Exact search against the HNSW index at a given number of vectors stored in a scratch store: the vectors' insert
 * rate, exact search per query (in memory, up to 10^5 vectors, where Margins uses it), the index's build time, its
 * latency per query (mean and 95th percentile, after a warm-up) and recall@10 against exact search (ground truth
 * by one streamed pass over every vector).
 */
public final class SearchBenchmark {

  static final int K = 10;
  static final int WARMUP = 20;
  private static final int INSERT_BLOCK = 5_000;

  /**
   * One size's figures.
   *
   * @param vectors how many
   * @param dimension their length
   * @param insertPerSecond vectors stored per second
   * @param exactMs exact search per query, or NaN where it was not timed (beyond 10^5)
   * @param buildSeconds building the index
   * @param buildCpuSeconds the process's CPU time while building it (what other work on the cores does not inflate)
   * @param segments the built index's segments (each a graph searched per query)
   * @param hnswMeanMs index search per query, re-ranking included
   * @param hnswCpuMs the process's CPU time per query
   * @param hnswP95Ms its 95th percentile
   * @param recall recall@10 against exact search
   * @param queries queries timed
   */
  public record Figures(long vectors, int dimension, double insertPerSecond, double exactMs, double buildSeconds,
      double buildCpuSeconds, int segments, double hnswMeanMs, double hnswCpuMs, double hnswP95Ms, double recall, int queries) {}

  private SearchBenchmark() {}

  public static Figures run(float[][] bases, long n, int queries, Path scratch, long seed, Progress.Target progress) {
    BenchVectors gen = new BenchVectors(bases, seed);
    Path studio = scratch.resolve("search-" + n);
    String space = "bench@" + n;
    float[][] q = new float[queries + WARMUP][];
    for (int i = 0; i < q.length; i++) {
      q[i] = gen.vector(-1 - i); // Drawn the same way, but not among the stored vectors.
    }
    try (Store store = Store.open(studio)) {
      long t0 = System.nanoTime();
      boolean keep = n <= Nearest.EXACT_LIMIT;
      float[][] inMemory = keep ? new float[(int) n][] : null;
      List<Nearest.TopK> truth = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        truth.add(new Nearest.TopK(K));
      }
      double insertSeconds = 0;
      for (long from = 0; from < n; from += INSERT_BLOCK) {
        List<String> owners = new ArrayList<>();
        List<float[]> vs = new ArrayList<>();
        for (long i = from; i < Math.min(n, from + INSERT_BLOCK); i++) {
          float[] v = gen.vector(i);
          owners.add(Long.toString(i));
          vs.add(v);
          if (keep) {
            inMemory[(int) i] = v;
          }
          for (int j = 0; j < queries; j++) {
            truth.get(j).offer(VectorMath.squaredDistance(v, q[WARMUP + j]), i);
          }
        }
        long s0 = System.nanoTime();
        Vectors.store(store, space, "bench", gen.dimension(), owners, vs);
        insertSeconds += (System.nanoTime() - s0) / 1e9;
      }
      double exactMs = Double.NaN;
      if (keep) {
        long e0 = System.nanoTime();
        int timed = Math.min(queries, 20);
        for (int j = 0; j < timed; j++) {
          Nearest.exactRows(inMemory, q[WARMUP + j], K);
        }
        exactMs = (System.nanoTime() - e0) / 1e6 / timed;
      }
      inMemory = null;
      long b0 = System.nanoTime();
      long bc0 = cpuNanos();
      try (HnswIndex index = HnswIndex.open(store, space, progress)) {
        double build = (System.nanoTime() - b0) / 1e9;
        double buildCpu = (cpuNanos() - bc0) / 1e9;
        for (int i = 0; i < WARMUP; i++) {
          index.search(q[i], K, false);
        }
        double[] ms = new double[queries];
        int hit = 0;
        long cpu = 0;
        for (int j = 0; j < queries; j++) {
          long c0 = cpuNanos();
          long s0 = System.nanoTime();
          var hits = index.search(q[WARMUP + j], K, false);
          ms[j] = (System.nanoTime() - s0) / 1e6;
          cpu += cpuNanos() - c0;
          Set<String> exact = new HashSet<>();
          for (long id : truth.get(j).drain()) {
            exact.add(Long.toString(id));
          }
          hit += (int) hits.stream().filter(h -> exact.contains(h.owner())).count();
        }
        Arrays.sort(ms);
        return new Figures(n, gen.dimension(), n / insertSeconds, exactMs, build, buildCpu,
            index.segments(), Arrays.stream(ms).average().orElse(0), cpu / 1e6 / queries,
            ms[(int) Math.floor(0.95 * (queries - 1))], (double) hit / (K * queries), queries);
      }
    }
  }

  /** CPU time of every thread of this process so far, in ns. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Bases for when no studio archive is at hand: clusters in a low-dimensional subspace. */
  public static float[][] syntheticBases(int count, int dim, long seed) {
    return BenchVectors.synthetic(count, dim, seed);
  }
}

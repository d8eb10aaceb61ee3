package margins.measure;

import java.util.Arrays;

/**
 * The archive as a union of k-NN balls (Kynkäänniemi et al. 2019), each widened by the archive's tolerance tau
 * ({@link Tolerance}): archive item r_i's ball has radius NND_k(r_i) + tau, where NND_k(r_i) is the distance to its
 * k-th nearest other archive item. Fitted once, then reused for every placement and batch measure. "Other" means
 * another index: a duplicate counts, at distance 0. With tau = 0 these are the literature's balls.
 */
public final class ArchiveManifold {

  private final ExactSearch search;
  private final int k;
  private final double tolerance;
  private final double[] radius;
  private final double[] squaredRadius;
  private final double[] squaredNearest;
  private final double median;
  private final boolean[] pruned;
  private KidBlocks.Reference kid;

  private ArchiveManifold(ExactSearch search, int k, double tolerance, double[] squaredKth, double[] squaredNearest) {
    this.search = search;
    this.k = k;
    this.tolerance = tolerance;
    this.squaredNearest = squaredNearest;
    this.radius = new double[squaredKth.length];
    this.squaredRadius = new double[squaredKth.length];
    for (int i = 0; i < radius.length; i++) {
      radius[i] = Math.sqrt(squaredKth[i]) + tolerance;
      squaredRadius[i] = tolerance == 0 ? squaredKth[i] : radius[i] * radius[i];
    }
    this.median = median(radius);
    this.pruned = new boolean[radius.length];
    for (int i = 0; i < radius.length; i++) {
      pruned[i] = radius[i] <= median;
    }
  }

  /** The literature's balls: {@link #fit(float[][], int, double)} with no tolerance. */
  public static ArchiveManifold fit(float[][] archive, int k) {
    return fit(archive, k, 0);
  }

  /**
   * Fits the balls of {@code archive} (n vectors of one dimension) with neighbourhood size k in 1..n-1, each
   * widened by {@code tolerance} (>= 0). The array is kept by reference, not copied: do not change it afterwards.
   */
  public static ArchiveManifold fit(float[][] archive, int k, double tolerance) {
    if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
    }
    VectorSets.requireSet(archive, "archive");
    if (archive.length < 2) {
      throw new IllegalArgumentException("archive must hold at least 2 vectors to have neighbours, got 1");
    }
    if (k < 1 || k > archive.length - 1) {
      throw new IllegalArgumentException(
          "k must be in 1.." + (archive.length - 1) + " (archive size minus one), got " + k);
    }
    ExactSearch search = new ExactSearch(archive);
    double[] sqRadius = new double[archive.length];
    double[] sqNearest = new double[archive.length];
    search.scan(archive, row -> {
      ExactSearch.Neighbours nn = row.nearest(k, row.index);
      sqRadius[row.index] = nn.squared()[k - 1];
      sqNearest[row.index] = nn.squared()[0];
    });
    return new ArchiveManifold(search, k, tolerance, sqRadius, sqNearest);
  }

  public int k() {
    return k;
  }

  /** tau: the distance within which an output is a copy, and the margin every ball is widened by. */
  public double tolerance() {
    return tolerance;
  }

  public int size() {
    return radius.length;
  }

  public int dimension() {
    return search.dimension();
  }

  /** The archive vectors this manifold was fitted on (the caller's array). */
  public float[][] archive() {
    return search.refs;
  }

  /** NND_k(r_i) + tau: the radius of archive item i's ball. */
  public double radius(int i) {
    return radius[i];
  }

  /** NND_1(r_i): distance from archive item i to its nearest other archive item. */
  public double nearestNeighbourDistance(int i) {
    return Math.sqrt(squaredNearest[i]);
  }

  /** Median of the ball radii (mean of the two middle values when n is even). */
  public double medianRadius() {
    return median;
  }

  /** Whether item i's ball is in the smaller half, radius <= median: the balls realism and "mimetic" use. */
  public boolean isSmallBall(int i) {
    return pruned[i];
  }

  /** The archive side of KID ({@link KidBlocks}, default blocks, a fixed shuffle), computed on first use. */
  public synchronized KidBlocks.Reference kidReference() {
    if (kid == null) {
      kid = KidBlocks.reference(archive(), KidBlocks.DEFAULT_BLOCKS, KidBlocks.DEFAULT_MAX_BLOCK, 0L);
    }
    return kid;
  }

  ExactSearch search() {
    return search;
  }

  double squaredRadius(int i) {
    return squaredRadius[i];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

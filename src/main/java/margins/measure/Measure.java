package margins.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One-line entry points: place each output against a fitted archive, or measure a whole batch. */
public final class Measure {

  private Measure() {}

  /** The placement of each output vector, in input order. Outputs must have the archive's dimension. */
  public static List<Placement> place(ArchiveManifold manifold, float[][] outputs) {
    return place(manifold, outputs, null);
  }

  /**
   * As {@link #place(ArchiveManifold, float[][])}, with noise[j] saying whether output j lacks pixel-level
   * structure ({@link Grain#noiseLike}): such an output that is not a copy and not in a typical ball is NOISE.
   * Null: no output is noise-like.
   */
  public static List<Placement> place(ArchiveManifold manifold, float[][] outputs, boolean[] noise) {
    List<Placer.Visit> visits = Placer.visit(manifold, outputs, noise, null);
    List<Placement> placements = new ArrayList<>(visits.size());
    for (Placer.Visit v : visits) {
      placements.add(v.placement());
    }
    return Collections.unmodifiableList(placements);
  }

  /**
   * Batch measures with the fast block KID ({@link KidBlocks}: the full U-statistic over up to 5,000 items per
   * side, std over 10 disjoint blocks), the archive's side computed once per manifold. {@code seed} shuffles the
   * outputs into blocks.
   */
  public static BatchMeasures batch(ArchiveManifold manifold, float[][] outputs, long seed) {
    return batch(manifold, outputs, null, seed);
  }

  /** As {@link #batch(ArchiveManifold, float[][], long)}, with each output's noise flag (null: none is noise-like). */
  public static BatchMeasures batch(ArchiveManifold manifold, float[][] outputs, boolean[] noise, long seed) {
    return batch(manifold, outputs, noise,
        out -> KidBlocks.estimate(out, manifold.kidReference(), KidBlocks.DEFAULT_MAX_BLOCK, seed));
  }

  /**
   * Batch measures of {@code outputs} against the archive the manifold was fitted on, with the manifold's k for
   * the outputs' own balls (recall), so there must be more than k outputs; KID by the classic estimator over
   * {@code kidSubsets} random subsets of up to {@code kidSubsetSize} drawn with {@code seed}.
   */
  public static BatchMeasures batch(
      ArchiveManifold manifold, float[][] outputs, int kidSubsets, int kidSubsetSize, long seed) {
    return batch(manifold, outputs, null, out -> Kid.estimate(out, manifold.archive(), kidSubsets, kidSubsetSize, seed));
  }

  private static BatchMeasures batch(ArchiveManifold manifold, float[][] outputs, boolean[] noise,
      java.util.function.Function<float[][], Kid.Estimate> kidOf) {
    VectorSets.requireSameDimension(outputs, "outputs", manifold.archive(), "archive vectors");
    int k = manifold.k();
    if (outputs.length < k + 1) {
      throw new IllegalArgumentException(
          "batch measures need at least k + 1 = " + (k + 1) + " outputs (recall uses the outputs' own k-NN balls), got "
              + outputs.length);
    }
    int m = outputs.length;
    int n = manifold.size();
    boolean[] covered = new boolean[n];
    List<Placer.Visit> visits = Placer.visit(manifold, outputs, noise, covered);
    int inside = 0;
    int inSmall = 0;
    long balls = 0;
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      kinds.put(kind.id(), 0);
    }
    for (Placer.Visit v : visits) {
      inside += v.placement().inside() ? 1 : 0;
      inSmall += v.inSmallBall() ? 1 : 0;
      balls += v.balls();
      kinds.merge(v.placement().kind().id(), 1, Integer::sum);
    }
    int coveredCount = 0;
    for (boolean c : covered) {
      coveredCount += c ? 1 : 0;
    }
    double recall = recall(manifold.archive(), outputs, k, manifold.tolerance());
    Kid.Estimate kid = kidOf.apply(outputs);
    return new BatchMeasures(
        (double) inside / m,
        (double) inSmall / m,
        recall,
        (double) balls / ((double) k * m),
        (double) coveredCount / n,
        kid.mean(),
        kid.std(),
        m,
        (double) kinds.get(Kind.COPY.id()) / m,
        Collections.unmodifiableMap(kinds));
  }

  /** Fraction of archive vectors inside some k-NN ball of the outputs (balls fitted among the outputs). */
  static double recall(float[][] archive, float[][] outputs, int k) {
    return recall(archive, outputs, k, 0);
  }

  /** As above, the outputs' balls widened by the same tolerance as the archive's. */
  static double recall(float[][] archive, float[][] outputs, int k, double tolerance) {
    ArchiveManifold generated = ArchiveManifold.fit(outputs, k, tolerance);
    boolean[] hit = new boolean[archive.length];
    generated.search().scan(archive, row -> {
      for (int j = 0; j < generated.size(); j++) {
        if (row.within(j, generated.squaredRadius(j))) {
          hit[row.index] = true;
          return;
        }
      }
    });
    int count = 0;
    for (boolean h : hit) {
      count += h ? 1 : 0;
    }
    return (double) count / archive.length;
  }
}

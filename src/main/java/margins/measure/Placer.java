package margins.measure;

import java.util.Arrays;
import java.util.List;

/** Places every output against a fitted manifold in one blocked pass, also gathering what batch measures need. */
final class Placer {

  /** One output's placement plus the count of archive balls holding it and whether one is a small ball. */
  record Visit(Placement placement, int balls, boolean inSmallBall) {}

  private Placer() {}

  /**
   * Places {@code outputs}; noise[j] says whether output j lacks pixel-level structure (null: none does); sets
   * covered[i] when some output lies in archive ball i (null to skip).
   */
  static List<Visit> visit(ArchiveManifold manifold, float[][] outputs, boolean[] noise, boolean[] covered) {
    VectorSets.requireSameDimension(outputs, "outputs", manifold.archive(), "archive vectors");
    if (noise != null && noise.length != outputs.length) {
      throw new IllegalArgumentException("got " + noise.length + " noise flags for " + outputs.length + " outputs");
    }
    Visit[] visits = new Visit[outputs.length];
    manifold.search().scan(outputs,
        row -> visits[row.index] = visitRow(manifold, row, noise != null && noise[row.index], covered));
    return Arrays.asList(visits);
  }

  private static Visit visitRow(ArchiveManifold m, ExactSearch.Row row, boolean noise, boolean[] covered) {
    ExactSearch.Neighbours nn = row.nearest(1, -1);
    int nearest = nn.index()[0];
    double nearestSq = nn.squared()[0];
    int balls = 0;
    boolean inSmall = false;
    double rarity = Double.NaN;
    for (int i = 0; i < m.size(); i++) {
      if (row.within(i, m.squaredRadius(i))) {
        balls++;
        inSmall |= m.isSmallBall(i);
        if (!(m.radius(i) >= rarity)) {
          rarity = m.radius(i);
        }
        if (covered != null) {
          // Only ever set to true, so concurrent writers agree; the stream's join publishes the writes.
          covered[i] = true;
        }
      }
    }
    Kind kind;
    if (Math.sqrt(nearestSq) <= m.tolerance()) {
      kind = Kind.COPY;
    } else if (inSmall) {
      kind = Kind.MIMETIC;
    } else if (noise) {
      kind = Kind.NOISE;
    } else if (balls > 0) {
      kind = Kind.MARGINAL;
    } else {
      kind = Kind.ALIEN;
    }
    Placement p = new Placement(nearest, Math.sqrt(nearestSq), realism(m, row), rarity, balls > 0, kind);
    return new Visit(p, balls, inSmall);
  }

  /**
   * max over small balls of NND_k(r_i) / ||g - r_i||. Squared ratios are bounded from the approximate distances;
   * only balls whose upper bound reaches the best lower bound get an exact distance.
   */
  private static double realism(ArchiveManifold m, ExactSearch.Row row) {
    double bestLower = 0;
    for (int i = 0; i < m.size(); i++) {
      if (m.isSmallBall(i)) {
        bestLower = Math.max(bestLower, m.squaredRadius(i) / (row.approx[i] + row.slack(i)));
      }
    }
    double best = 0;
    for (int i = 0; i < m.size(); i++) {
      if (!m.isSmallBall(i)) {
        continue;
      }
      double low = row.approx[i] - row.slack(i);
      double upper = low <= 0 ? Double.POSITIVE_INFINITY : m.squaredRadius(i) / low;
      if (upper >= bestLower) {
        double d2 = row.exact(i);
        double ratio = d2 == 0 ? Double.POSITIVE_INFINITY : m.squaredRadius(i) / d2;
        best = Math.max(best, ratio);
      }
    }
    return Math.sqrt(best);
  }
}

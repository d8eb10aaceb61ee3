package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactSearchTest {

  // More than two column blocks and several query blocks, with an odd dimension.
  static final float[][] ARCHIVE = withDuplicates(Points.gaussian(1100, 37, 0, 11));
  static final float[][] OUTPUTS = Points.gaussian(150, 37, 0.1, 12);

  static float[][] withDuplicates(float[][] a) {
    a[7] = a[3].clone();
    a[900] = a[3].clone();
    return a;
  }

  static double[] sortedDistances(float[] q, float[][] refs, int exclude) {
    double[] d = new double[refs.length - (exclude >= 0 ? 1 : 0)];
    int c = 0;
    for (int j = 0; j < refs.length; j++) {
      if (j != exclude) {
        d[c++] = Math.sqrt(VectorSets.squared(q, refs[j]));
      }
    }
    Arrays.sort(d);
    return d;
  }

  @Test
  void blockedRadiiEqualBruteForce() {
    int k = 5;
    ArchiveManifold m = ArchiveManifold.fit(ARCHIVE, k);
    for (int i = 0; i < ARCHIVE.length; i++) {
      double[] d = sortedDistances(ARCHIVE[i], ARCHIVE, i);
      assertEquals(d[k - 1], m.radius(i), 0.0, "radius " + i);
      assertEquals(d[0], m.nearestNeighbourDistance(i), 0.0, "NND_1 " + i);
    }
    assertEquals(0.0, m.nearestNeighbourDistance(7), 0.0);
  }

  @Test
  void blockedPlacementEqualsBruteForce() {
    ArchiveManifold m = ArchiveManifold.fit(ARCHIVE, 3);
    List<Placement> ps = Measure.place(m, OUTPUTS);
    for (int g = 0; g < OUTPUTS.length; g++) {
      int nearest = 0;
      double best = Double.POSITIVE_INFINITY;
      double rarity = Double.NaN;
      double realism = 0;
      for (int i = 0; i < ARCHIVE.length; i++) {
        double d = Math.sqrt(VectorSets.squared(OUTPUTS[g], ARCHIVE[i]));
        if (d < best) {
          best = d;
          nearest = i;
        }
        if (d <= m.radius(i) && !(m.radius(i) >= rarity)) {
          rarity = m.radius(i);
        }
        if (m.isSmallBall(i)) {
          realism = Math.max(realism, m.radius(i) / d);
        }
      }
      Placement p = ps.get(g);
      assertEquals(nearest, p.nearest(), "nearest of " + g);
      assertEquals(best, p.nearestDistance(), 0.0);
      assertEquals(rarity, p.rarity(), 0.0);
      assertEquals(realism, p.realism(), 1e-12);
    }
  }

  @Test
  void blockedDotProductsMatchPlainOnes() {
    Columns c = new Columns(ARCHIVE);
    float[] acc = new float[Columns.BLOCK];
    c.dots(OUTPUTS[0], 2, acc);
    for (int j = 0; j < c.blockWidth(2); j++) {
      double plain = 0;
      for (int t = 0; t < 37; t++) {
        plain += (double) OUTPUTS[0][t] * ARCHIVE[c.blockStart(2) + j][t];
      }
      assertEquals(plain, acc[j], 1e-4);
    }
  }
}

package margins.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** k-means: recovered blobs and centres, seeds, refilled empty clusters and the allowed k. */
class KMeansTest {

  static final float[][] CENTRES = {{0, 0, 0}, {10, 0, 0}, {0, 10, 5}};

  /** Thirty points around each of CENTRES (standard deviation 0.3 per coordinate), blob by blob. */
  static float[][] threeBlobs() {
    Random r = new Random(11);
    float[][] p = new float[90][];
    for (int i = 0; i < p.length; i++) {
      float[] c = CENTRES[i / 30];
      p[i] = new float[] {c[0] + 0.3f * (float) r.nextGaussian(), c[1] + 0.3f * (float) r.nextGaussian(),
          c[2] + 0.3f * (float) r.nextGaussian()};
    }
    return p;
  }

  @Test
  void wellSeparatedBlobsComeOutAsClustersWithTheirCentres() {
    KMeans km = KMeans.fit(threeBlobs(), 3, KMeans.SEED, 100);
    for (int b = 0; b < 3; b++) {
      int cluster = km.nearest(CENTRES[b]);
      assertArrayEquals(IntStream.range(30 * b, 30 * b + 30).toArray(), km.members(cluster), "blob " + b);
      for (int t = 0; t < 3; t++) {
        // The mean of 30 draws of sd 0.3 is within 0.2 of the true centre with overwhelming probability.
        assertEquals(CENTRES[b][t], km.centres()[cluster][t], 0.2, "blob " + b + " coordinate " + t);
      }
    }
  }

  @Test
  void eachCentreIsTheMeanOfItsMembersOnceNothingMoves() {
    float[][] p = uniform(60, 4, 5);
    KMeans km = KMeans.fit(p, 4, 3, 100);
    for (int j = 0; j < 4; j++) {
      int[] members = km.members(j);
      for (int t = 0; t < 4; t++) {
        int dim = t;
        double mean = Arrays.stream(members).mapToDouble(i -> p[i][dim]).average().orElseThrow();
        assertEquals(mean, km.centres()[j][t], 1e-5, "cluster " + j);
      }
      for (int i : members) {
        assertEquals(j, km.nearest(p[i]), "point " + i + " sits with its nearest centre");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameClustersAndTheSeedMatters() {
    float[][] p = uniform(50, 2, 9);
    KMeans a = KMeans.fit(p, 5, 7, 50);
    KMeans b = KMeans.fit(p, 5, 7, 50);
    assertArrayEquals(a.assignment(), b.assignment());
    assertTrue(Arrays.deepEquals(a.centres(), b.centres()));
    // Points without clusters have many local optima: some other seed lands in another.
    boolean differs = IntStream.range(8, 20)
        .anyMatch(s -> !Arrays.deepEquals(a.centres(), KMeans.fit(p, 5, s, 50).centres()));
    assertTrue(differs, "no seed from 8 to 19 changed the centres");
  }

  @Test
  void anEmptiedClusterIsRefilledSoEveryClusterKeepsAPoint() {
    float[][] same = {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}};
    KMeans km = KMeans.fit(same, 3, 0, 100);
    for (int j = 0; j < 3; j++) {
      assertTrue(km.members(j).length >= 1, "cluster " + j + " of " + Arrays.toString(km.assignment()));
    }
    assertEquals(5, IntStream.range(0, 3).map(j -> km.members(j).length).sum());
  }

  @Test
  void kOutsideOneToThePointCountIsRefusedNamingTheRange() {
    float[][] three = {{0}, {1}, {2}};
    IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> KMeans.fit(three, 4, 0, 10));
    assertEquals("k-means needs 1 <= k <= 3 points, not k = 4", many.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KMeans.fit(three, 0, 0, 10));
    assertEquals(3, KMeans.fit(three, 3, 0, 10).k());
  }

  static float[][] uniform(int n, int d, long seed) {
    Random r = new Random(seed);
    float[][] p = new float[n][d];
    for (float[] x : p) {
      for (int t = 0; t < d; t++) {
        x[t] = r.nextFloat();
      }
    }
    return p;
  }
}

package margins.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** k-means and the Gaussian mixture on two well-separated hand-made blobs. */
class KMeansAndGmmTest {

  /** Ten points around (0, 0) and ten around (10, 10), within 0.5 in each coordinate. */
  static float[][] twoBlobs() {
    float[][] p = new float[20][];
    Random r = new Random(3);
    for (int i = 0; i < 20; i++) {
      float c = i < 10 ? 0f : 10f;
      p[i] = new float[] {c + (r.nextFloat() - 0.5f), c + (r.nextFloat() - 0.5f)};
    }
    return p;
  }

  @Test
  void kMeansFindsTheTwoBlobsAndTheirCentres() {
    KMeans km = KMeans.fit(twoBlobs(), 2, KMeans.SEED, 100);
    int a = km.assignment()[0];
    for (int i = 0; i < 20; i++) {
      assertEquals(i < 10 ? a : 1 - a, km.assignment()[i], "point " + i);
    }
    assertEquals(0, km.centres()[a][0], 0.5);
    assertEquals(10, km.centres()[1 - a][1], 0.5);
    assertEquals(a, km.nearest(new float[] {1, -1}));
  }

  @Test
  void kMeansIsTheSameForTheSameSeed() {
    float[][] p = twoBlobs();
    assertArrayEquals(KMeans.fit(p, 3, 7, 50).assignment(), KMeans.fit(p, 3, 7, 50).assignment());
  }

  @Test
  void kMeansRefusesMoreClustersThanPoints() {
    assertThrows(IllegalArgumentException.class, () -> KMeans.fit(twoBlobs(), 21, 1, 10));
  }

  @Test
  void theMixtureHasTwoEqualComponentsAtTheBlobsWithTheirSpread() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    assertEquals(0.5, g.weights()[0], 1e-6);
    double[] firstCoords = {g.means()[0][0], g.means()[1][0]};
    Arrays.sort(firstCoords);
    assertEquals(0, firstCoords[0], 0.3);
    assertEquals(10, firstCoords[1], 0.3);
    // Uniform on a width-1 interval has variance 1/12.
    for (float[] v : g.variances()) {
      assertEquals(1.0 / 12, v[0], 0.06);
    }
  }

  @Test
  void theMixtureIsDenseAtTheBlobsAndThinBetweenThem() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    double atBlob = g.logDensity(new float[] {0, 0});
    double between = g.logDensity(new float[] {5, 5});
    assertTrue(atBlob > between + 20, atBlob + " vs " + between);
  }

  @Test
  void mixtureDrawsAreTheSameForTheSameRandomStreamAndFallNearABlob() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    float[] a = g.sample(new Random(5), 1.0);
    assertArrayEquals(a, g.sample(new Random(5), 1.0));
    assertNotEquals(Arrays.toString(a), Arrays.toString(g.sample(new Random(6), 1.0)));
    assertTrue(Math.min(Math.abs(a[0]), Math.abs(a[0] - 10)) < 2, Arrays.toString(a));
  }
}

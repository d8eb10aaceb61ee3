package margins.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Gaussian mixture: components at well-separated blobs, its density, its draws and its variance floor. */
class GmmTest {

  /** Ten points around (0, 0) and ten around (10, 10), uniform within 0.5 in each coordinate. */
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
  void twoBlobsGiveTwoEqualComponentsAtTheirMeansWithTheirSpread() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    int low = g.means()[0][0] < g.means()[1][0] ? 0 : 1;
    for (int j = 0; j < 2; j++) {
      float centre = j == low ? 0 : 10;
      assertEquals(0.5, g.weights()[j], 1e-6);
      assertEquals(centre, g.means()[j][0], 0.3);
      assertEquals(centre, g.means()[j][1], 0.3);
      for (float v : g.variances()[j]) {
        assertEquals(1.0 / 12, v, 0.06, "uniform on a width-1 interval has variance 1/12");
      }
    }
  }

  @Test
  void theDensityIsHighAtTheBlobsAndLowBetweenThem() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    double atBlob = g.logDensity(new float[] {0, 0});
    double between = g.logDensity(new float[] {5, 5});
    assertTrue(atBlob > between + 20, atBlob + " vs " + between);
    // One component's density at its own mean: log(w) - 0.5 * sum(log(2 pi v)).
    int j = g.means()[0][0] < 5 ? 0 : 1;
    double own = Math.log(g.weights()[j]);
    for (float v : g.variances()[j]) {
      own -= 0.5 * Math.log(2 * Math.PI * v);
    }
    assertEquals(own, g.logDensity(g.means()[j]), 1e-6);
  }

  @Test
  void drawsFollowTheWeightsAndSpreadAndRepeatForTheSameStream() {
    Gmm g = Gmm.fit(twoBlobs(), 2, Gmm.SEED, 100);
    assertArrayEquals(g.sample(new Random(5), 1.0), g.sample(new Random(5), 1.0));
    Random r = new Random(8);
    int nearZero = 0;
    double sumSq = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
      float[] z = g.sample(r, 2.0);
      int j = (z[0] < 5) == (g.means()[0][0] < 5) ? 0 : 1; // the component it came from: the blobs are far apart
      nearZero += z[0] < 5 ? 1 : 0;
      sumSq += (z[0] - g.means()[j][0]) * (z[0] - g.means()[j][0]) / g.variances()[j][0];
    }
    assertEquals(0.5, nearZero / (double) n, 0.03, "half the draws from each equal component");
    assertEquals(4.0, sumSq / n, 0.3, "scale 2 quadruples the variance");
    float[] atMean = g.sample(new Random(1), 0.0);
    assertTrue(Arrays.equals(atMean, g.means()[0]) || Arrays.equals(atMean, g.means()[1]), Arrays.toString(atMean));
  }

  @Test
  void aComponentOnIdenticalPointsKeepsTheFloorVarianceAndAFiniteDensity() {
    float[][] p = twoBlobs();
    for (int i = 0; i < 10; i++) {
      p[i] = new float[] {0, 0};
    }
    Gmm g = Gmm.fit(p, 2, Gmm.SEED, 100);
    int j = g.means()[0][0] < 5 ? 0 : 1;
    for (int t = 0; t < 2; t++) {
      int dim = t;
      double mean = Arrays.stream(p).mapToDouble(x -> x[dim]).average().orElseThrow();
      double variance = Arrays.stream(p).mapToDouble(x -> (x[dim] - mean) * (x[dim] - mean)).average().orElseThrow();
      assertEquals(1e-3 * variance, g.variances()[j][t], 1e-6 * variance, "dimension " + t);
    }
    assertTrue(Double.isFinite(g.logDensity(new float[] {0, 0})));
  }
}

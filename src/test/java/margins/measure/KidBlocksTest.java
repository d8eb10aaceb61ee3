package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KidBlocksTest {

  /** The full unbiased MMD^2 over every pair, by brute force in double. */
  static double bruteForce(float[][] x, float[][] y) {
    return offDiagonalMean(x) + offDiagonalMean(y) - 2 * crossMean(x, y);
  }

  private static double k(float[] a, float[] b) {
    double dot = 0;
    for (int t = 0; t < a.length; t++) {
      dot += (double) a[t] * b[t];
    }
    double base = dot / a.length + 1;
    return base * base * base;
  }

  private static double offDiagonalMean(float[][] s) {
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        sum += i == j ? 0 : k(s[i], s[j]);
      }
    }
    return sum / (s.length * (s.length - 1.0));
  }

  private static double crossMean(float[][] x, float[][] y) {
    double sum = 0;
    for (float[] a : x) {
      for (float[] b : y) {
        sum += k(a, b);
      }
    }
    return sum / ((double) x.length * y.length);
  }

  @Test
  void whenEveryItemIsKeptTheMeanIsTheFullUStatisticWhateverTheSeed() {
    float[][] x = Points.gaussian(120, 16, 0.3, 1);
    float[][] y = Points.gaussian(450, 16, 0, 2);
    KidBlocks.Reference ref = KidBlocks.reference(y, 10, 500, 7L);
    double expected = bruteForce(x, y);
    assertEquals(expected, KidBlocks.estimate(x, ref, 500, 1L).mean(), 1e-4 * Math.abs(expected));
    assertEquals(expected, KidBlocks.estimate(x, ref, 500, 99L).mean(), 1e-4 * Math.abs(expected));
  }

  @Test
  void twoPointSetsMatchTheClassicHandWorkedValue() {
    Kid.Estimate e = KidBlocks.estimate(Points.line(0, 1), KidBlocks.reference(Points.line(1, 2), 1, 2, 0L), 2, 0L);
    assertEquals(9.5, e.mean(), 1e-12);
    assertEquals(1, e.subsets());
    assertEquals(2, e.subsetSize());
  }

  @Test
  void itAgreesWithTheClassicSubsetEstimateWithinItsSpread() {
    float[][] x = Points.gaussian(400, 16, 0.2, 3);
    float[][] y = Points.gaussian(900, 16, 0, 4);
    Kid.Estimate fast = KidBlocks.estimate(x, KidBlocks.reference(y, 10, 500, 0L), 500, 5L);
    Kid.Estimate classic = Kid.estimate(x, y, 50, 400, 5L);
    assertTrue(fast.mean() > 0.05, "a shift shows: " + fast.mean());
    assertEquals(classic.mean(), fast.mean(), 3 * classic.std() + 1e-3);
    assertTrue(fast.std() > 0);
  }

  @Test
  void identicalDistributionsScoreNearZero() {
    float[][] y = Points.gaussian(500, 8, 0, 6);
    double self = KidBlocks.estimate(Points.gaussian(500, 8, 0, 7), KidBlocks.reference(y, 10, 500, 0L), 500, 1L).mean();
    double shifted = KidBlocks.estimate(Points.gaussian(500, 8, 0.5, 7), KidBlocks.reference(y, 10, 500, 0L), 500, 1L).mean();
    assertTrue(Math.abs(self) < shifted / 10, "self " + self + " against shifted " + shifted);
  }

  @Test
  void blocksShrinkToWhatTheSetsHoldAndLargeSetsAreCapped() {
    KidBlocks.Reference ref = KidBlocks.reference(Points.gaussian(9, 4, 0, 1), 10, 500, 0L);
    assertEquals(4, ref.blocks());
    assertEquals(2, ref.blockSize());
    Kid.Estimate e = KidBlocks.estimate(Points.gaussian(5000, 4, 0, 2),
        KidBlocks.reference(Points.gaussian(40, 4, 0, 3), 10, 30, 0L), 30, 0L);
    assertEquals(10, e.subsets());
    assertEquals(30, e.subsetSize());
  }

  @Test
  void badSettingsAreRejectedNamingTheRange() {
    float[][] a = Points.gaussian(10, 4, 0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KidBlocks.reference(a, 0, 10, 1L));
    assertTrue(e.getMessage().contains("1..1000"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KidBlocks.reference(a, 2, 1, 1L));
    assertThrows(IllegalArgumentException.class, () -> KidBlocks.reference(Points.line(1), 2, 5, 1L));
    KidBlocks.Reference ref = KidBlocks.reference(a, 2, 5, 1L);
    assertThrows(IllegalArgumentException.class, () -> KidBlocks.estimate(Points.line(1), ref, 5, 1L));
    assertThrows(IllegalArgumentException.class, () -> KidBlocks.estimate(Points.gaussian(10, 5, 0, 1), ref, 5, 1L));
  }
}

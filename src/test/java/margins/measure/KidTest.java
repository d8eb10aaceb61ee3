package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KidTest {

  @Test
  void twoPointSetsMatchTheFormulaWorkedByHand() {
    // d = 1, k(x, y) = (xy + 1)^3. X = {0, 1}, Y = {1, 2}:
    // XX off-diagonal 2 * k(0,1) = 2 -> 2 / 2 = 1; YY 2 * 27 -> 27; XY 1 + 1 + 8 + 27 = 37 -> 2 * 37 / 4 = 18.5.
    Kid.Estimate e = Kid.estimate(Points.line(0, 1), Points.line(1, 2), 1, 2, 0L);
    assertEquals(9.5, e.mean(), 1e-12);
    assertEquals(0.0, e.std(), 0.0);
    assertEquals(2, e.subsetSize());
  }

  @Test
  void identicalSetsScoreNearZeroAndShiftedSetsScoreClearlyAbove() {
    float[][] a = Points.gaussian(300, 16, 0, 1);
    double self = Kid.estimate(a, a, 20, 100, 5L).mean();
    double shifted = Kid.estimate(Points.gaussian(300, 16, 0.5, 2), a, 20, 100, 5L).mean();
    // Subsets drawn from one set share points, which pulls the unbiased estimate a little below 0; a real shift
    // stands far above that.
    assertTrue(shifted > 0.5, "shifted " + shifted);
    assertTrue(Math.abs(self) < shifted / 10, "self " + self + " against shifted " + shifted);
  }

  @Test
  void theSameSeedGivesTheSameAnswerAndAnotherSeedAnother() {
    float[][] a = Points.gaussian(200, 8, 0, 3);
    float[][] b = Points.gaussian(200, 8, 0.2, 4);
    Kid.Estimate first = Kid.estimate(a, b, 10, 50, 42L);
    assertEquals(first, Kid.estimate(a, b, 10, 50, 42L));
    assertNotEquals(first.mean(), Kid.estimate(a, b, 10, 50, 43L).mean());
    assertTrue(first.std() > 0);
  }

  @Test
  void subsetsShrinkToTheSmallerSet() {
    assertEquals(30, Kid.estimate(Points.gaussian(30, 4, 0, 1), Points.gaussian(90, 4, 0, 2), 3, 1000, 1L).subsetSize());
  }

  @Test
  void badSettingsAreRejectedNamingTheRange() {
    float[][] a = Points.gaussian(10, 4, 0, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Kid.estimate(a, a, 0, 10, 1L));
    assertTrue(e.getMessage().contains("1..100000"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Kid.estimate(a, a, 1, 1, 1L));
    assertThrows(IllegalArgumentException.class, () -> Kid.estimate(Points.line(1), Points.line(1, 2), 1, 2, 1L));
    assertThrows(IllegalArgumentException.class, () -> Kid.estimate(a, Points.gaussian(10, 5, 0, 1), 1, 2, 1L));
  }
}

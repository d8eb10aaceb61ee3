package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArchiveManifoldTest {

  // Archive 0, 1, 3, 6, 10 on a line. Sorted distances to the others:
  // 0: 1 3 6 10 | 1: 1 2 5 9 | 3: 2 3 3 7 | 6: 3 4 5 6 | 10: 4 7 9 10
  static final float[][] ARCHIVE = Points.line(0, 1, 3, 6, 10);

  @Test
  void radiiAreTheDistanceToTheKthNearestOtherItem() {
    ArchiveManifold m = ArchiveManifold.fit(ARCHIVE, 2);
    double[] expected = {3, 2, 3, 4, 7};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], m.radius(i), 0.0, "radius of item " + i);
    }
  }

  @Test
  void nearestNeighbourDistancesAreTheFirstOtherItem() {
    ArchiveManifold m = ArchiveManifold.fit(ARCHIVE, 2);
    double[] expected = {1, 1, 2, 3, 4};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], m.nearestNeighbourDistance(i), 0.0, "NND_1 of item " + i);
    }
  }

  @Test
  void theSmallerHalfIsTheBallsAtOrBelowTheMedianRadius() {
    ArchiveManifold m = ArchiveManifold.fit(ARCHIVE, 2);
    assertEquals(3.0, m.medianRadius(), 0.0);
    assertTrue(m.isSmallBall(0) && m.isSmallBall(1) && m.isSmallBall(2));
    assertFalse(m.isSmallBall(3) || m.isSmallBall(4));
  }

  @Test
  void anEvenArchiveTakesTheMeanOfTheTwoMiddleRadii() {
    // 0, 1, 3, 7 with k = 1: radii 1, 1, 2, 4, median (1 + 2) / 2 = 1.5.
    ArchiveManifold m = ArchiveManifold.fit(Points.line(0, 1, 3, 7), 1);
    assertEquals(1.5, m.medianRadius(), 0.0);
    assertTrue(m.isSmallBall(1));
    assertFalse(m.isSmallBall(2));
  }

  @Test
  void aDuplicateIsAnotherItemAtDistanceZero() {
    ArchiveManifold m = ArchiveManifold.fit(Points.line(4, 4, 9), 1);
    assertEquals(0.0, m.radius(0), 0.0);
    assertEquals(0.0, m.radius(1), 0.0);
    assertEquals(5.0, m.radius(2), 0.0);
  }

  @Test
  void kOutsideOneToNMinusOneIsRejectedNamingTheRange() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> ArchiveManifold.fit(ARCHIVE, 0));
    assertTrue(zero.getMessage().contains("1..4"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ArchiveManifold.fit(ARCHIVE, 5));
    assertEquals(9.0, ArchiveManifold.fit(ARCHIVE, 4).radius(1), 0.0, "k = n - 1 is allowed");
  }

  @Test
  void emptyRaggedOrNonFiniteArchivesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ArchiveManifold.fit(new float[0][], 1));
    assertThrows(IllegalArgumentException.class, () -> ArchiveManifold.fit(Points.line(1), 1));
    IllegalArgumentException ragged = assertThrows(
        IllegalArgumentException.class, () -> ArchiveManifold.fit(new float[][] {{0, 1}, {2}}, 1));
    assertTrue(ragged.getMessage().contains("dimension 1, expected 2"), ragged.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ArchiveManifold.fit(new float[][] {{0}, {Float.NaN}}, 1));
  }
}

package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Archive 0, 1, 3, 6, 10 with k = 2 and no tolerance: radii 3, 2, 3, 4, 7; median radius 3. */
class PlacementTest {

  static final ArchiveManifold M = ArchiveManifold.fit(ArchiveManifoldTest.ARCHIVE, 2);

  static Placement at(double x) {
    return Measure.place(M, Points.line(x)).get(0);
  }

  /** The same archive with tolerance 0.5: radii 3.5, 2.5, 3.5, 4.5, 7.5, median 3.5. */
  static final ArchiveManifold T = ArchiveManifold.fit(ArchiveManifoldTest.ARCHIVE, 2, 0.5);

  static Placement at(ArchiveManifold m, double x, boolean noise) {
    return Measure.place(m, Points.line(x), new boolean[] {noise}).get(0);
  }

  @Test
  void withoutToleranceOnlyAnExactDuplicateIsACopy() {
    // g = 2: distances 2, 1, 1, 4, 8; the tie for nearest goes to the lower index, item 1.
    Placement p = at(2);
    assertEquals(1, p.nearest());
    assertEquals(1.0, p.nearestDistance(), 0.0);
    assertEquals(Kind.MIMETIC, p.kind());
    assertEquals(Kind.MIMETIC, at(1.5).kind());
    assertEquals(Kind.COPY, at(6).kind());
  }

  @Test
  void withinTheToleranceOfAnArchiveItemIsACopyAndTheRimCounts() {
    assertEquals(0.5, T.tolerance(), 0.0);
    Placement p = at(T, 1.5, false);
    assertEquals(Kind.COPY, p.kind());
    assertTrue(p.inside());
    assertEquals(Kind.MIMETIC, at(T, 1.6, false).kind());
  }

  @Test
  void theToleranceWidensEveryBall() {
    assertEquals(3.5, T.radius(0), 0.0);
    assertEquals(7.5, T.radius(4), 0.0);
    assertEquals(3.5, T.medianRadius(), 0.0);
    assertEquals(Kind.MIMETIC, at(T, -3.5, false).kind());
    assertEquals(Kind.ALIEN, at(T, -3.6, false).kind());
    assertEquals(Kind.MARGINAL, at(T, 17.5, false).kind());
    assertEquals(Kind.ALIEN, at(T, 17.6, false).kind());
  }

  @Test
  void aNoiseLikeOutputOutsideTheTypicalBallsIsNoise() {
    assertEquals(Kind.NOISE, at(M, 18, true).kind(), "outside every ball");
    assertEquals(Kind.NOISE, at(M, 17, true).kind(), "only in a big ball");
    assertEquals(Kind.MIMETIC, at(M, 2, true).kind(), "in a typical ball: the archive has noise like it");
    assertEquals(Kind.COPY, at(M, 3, true).kind());
  }

  @Test
  void realismIsTheBestRadiusOverDistanceAmongSmallBalls() {
    // Small balls: 0 (r 3, d 2), 1 (r 2, d 1), 2 (r 3, d 1): max(1.5, 2, 3) = 3.
    assertEquals(3.0, at(2).realism(), 1e-12);
    // g = 18: 3/18, 2/17, 3/15; the big balls (6 and 10) do not count even though 7/8 is larger.
    assertEquals(0.2, at(18).realism(), 1e-12);
  }

  @Test
  void rarityIsTheSmallestRadiusOfTheBallsHoldingThePoint() {
    // g = 2 is in the balls of 0 (3), 1 (2), 2 (3) and, at exactly distance 4, of 6 (4).
    assertEquals(2.0, at(2).rarity(), 0.0);
    assertEquals(7.0, at(17).rarity(), 0.0);
    assertTrue(Double.isNaN(at(18).rarity()));
  }

  @Test
  void aPointOnTheRimOfTheMedianRadiusBallIsMimetic() {
    // g = -3 is exactly 3 from item 0, whose radius 3 equals the median; no other ball holds it.
    Placement p = at(-3);
    assertEquals(Kind.MIMETIC, p.kind());
    assertEquals(3.0, p.rarity(), 0.0);
    assertEquals(Kind.ALIEN, at(-3.5).kind());
  }

  @Test
  void aPointOnlyInABigBallIsMarginalAndJustBeyondItIsAlien() {
    // g = 17 is exactly 7 from item 10 (radius 7 > median); g = 18 is 8 away.
    assertEquals(Kind.MARGINAL, at(17).kind());
    Placement alien = at(18);
    assertEquals(Kind.ALIEN, alien.kind());
    assertFalse(alien.inside());
    assertEquals(4, alien.nearest());
    assertEquals(8.0, alien.nearestDistance(), 0.0);
  }

  @Test
  void aPointOnAnArchiveItemHasInfiniteRealism() {
    Placement p = at(3);
    assertEquals(Kind.COPY, p.kind());
    assertEquals(Double.POSITIVE_INFINITY, p.realism());
  }

  @Test
  void placementsComeBackInInputOrder() {
    List<Placement> ps = Measure.place(M, Points.line(18, 3, 17));
    assertEquals(List.of(Kind.ALIEN, Kind.COPY, Kind.MARGINAL), ps.stream().map(Placement::kind).toList());
  }

  @Test
  void outputsOfAnotherDimensionAreRejected() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Measure.place(M, new float[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("dimension 2") && e.getMessage().contains("dimension 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Measure.place(M, new float[0][]));
    assertThrows(IllegalArgumentException.class, () -> Measure.place(M, Points.line(1, 2), new boolean[] {true}));
  }

  @Test
  void kindsHaveKebabIds() {
    assertEquals("marginal", Kind.MARGINAL.id());
    assertEquals(Kind.ALIEN, Kind.byId("alien"));
    assertEquals(Kind.NOISE, Kind.byId("noise"));
    assertThrows(IllegalArgumentException.class, () -> Kind.byId("weird"));
  }
}

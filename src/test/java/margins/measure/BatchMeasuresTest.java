package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchMeasuresTest {

  // Outputs 2, 17, 18, -3 against archive 0, 1, 3, 6, 10 (k = 2, radii 3, 2, 3, 4, 7, median 3).
  // Balls holding each: 2 -> {0, 1, 2, 6}; 17 -> {10}; 18 -> none; -3 -> {0}.
  static final BatchMeasures B =
      Measure.batch(PlacementTest.M, Points.line(2, 17, 18, -3), 1, 4, 7L);

  @Test
  void precisionIsTheFractionOfOutputsInSomeArchiveBall() {
    assertEquals(0.75, B.precision(), 0.0);
  }

  @Test
  void prunedPrecisionCountsOnlyBallsAtOrBelowTheMedian() {
    assertEquals(0.5, B.prunedPrecision(), 0.0);
  }

  @Test
  void densityCountsBallMembershipsOverKTimesOutputs() {
    // (4 + 1 + 0 + 1) / (2 * 4)
    assertEquals(0.75, B.density(), 0.0);
  }

  @Test
  void coverageIsTheFractionOfArchiveBallsHoldingAnOutput() {
    assertEquals(1.0, B.coverage(), 0.0);
    BatchMeasures one = Measure.batch(PlacementTest.M, Points.line(17, 18, 19), 1, 3, 7L);
    assertEquals(0.2, one.coverage(), 0.0);
  }

  @Test
  void kindCountsAndCopyRateAddUp() {
    assertEquals(Map.of("copy", 0, "mimetic", 2, "marginal", 1, "alien", 1, "noise", 0), B.kinds());
    assertEquals(4, B.n());
    BatchMeasures copies = Measure.batch(PlacementTest.M, Points.line(0, 3, 18), 1, 3, 7L);
    assertEquals(2.0 / 3, copies.copyRate(), 1e-15);
  }

  @Test
  void noiseFlagsTurnOutputsOutsideTheTypicalBallsIntoNoise() {
    BatchMeasures b = Measure.batch(PlacementTest.M, Points.line(2, 17, 18, -3), new boolean[] {true, true, true, false}, 7L);
    assertEquals(Map.of("copy", 0, "mimetic", 2, "marginal", 0, "alien", 0, "noise", 2), b.kinds());
    assertEquals(0.75, b.precision(), 0.0, "noise flags change kinds, not ball membership");
  }

  @Test
  void recallIsTheFractionOfArchiveItemsInsideTheOutputsOwnBalls() {
    // Outputs 0, 1, 20, 21 with k = 1 all have radius 1: archive 0 and 1 are inside, 3, 6, 10 are not.
    assertEquals(0.4, Measure.recall(ArchiveManifoldTest.ARCHIVE, Points.line(0, 1, 20, 21), 1), 0.0);
    // An archive item exactly on a ball's rim counts: 2 is 1 from output 1.
    assertEquals(0.75, Measure.recall(Points.line(0, 1, 2, 5), Points.line(0, 1, 20, 21), 1), 0.0);
  }

  @Test
  void tooFewOutputsForTheirOwnBallsAreRejected() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Measure.batch(PlacementTest.M, Points.line(1, 2), 7L));
    assertTrue(e.getMessage().contains("k + 1 = 3"), e.getMessage());
  }
}

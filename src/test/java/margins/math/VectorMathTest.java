package margins.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Distances to the nearest of a set, as the studio's offers and walk marks use them. */
class VectorMathTest {

  @Test
  void theNearestSquaredDistanceIsToTheClosestOfTheOthersAndInfiniteWithoutAny() {
    float[] a = {0, 0};
    List<float[]> others = List.of(new float[] {3, 4}, new float[] {1, 1}, new float[] {-2, 0});
    assertEquals(2.0, VectorMath.nearestSquaredDistance(a, others), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, VectorMath.nearestSquaredDistance(a, List.of()), 0.0);
  }
}

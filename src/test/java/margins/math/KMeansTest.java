package margins.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KMeansTest {

  private static final float[][] TWO_GROUPS = {{0, 0}, {0.1f, 0}, {0, 0.1f}, {5, 5}, {5.1f, 5}, {5, 5.1f}};

  @Test
  void twoWellSeparatedGroupsComeOutAsTwoClusters() {
    int[] label = KMeans.fit(TWO_GROUPS, 2, 7, 100).assignment();
    assertEquals(label[0], label[1]);
    assertEquals(label[0], label[2]);
    assertEquals(label[3], label[4]);
    assertEquals(label[3], label[5]);
    assertNotEquals(label[0], label[3]);
  }

  @Test
  void theSameSeedGivesTheSameClusters() {
    assertArrayEquals(KMeans.fit(TWO_GROUPS, 3, 11, 100).assignment(), KMeans.fit(TWO_GROUPS, 3, 11, 100).assignment());
  }

  @Test
  void everyClusterKeepsAPointEvenWithDuplicatePoints() {
    float[][] same = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
    int[] label = KMeans.fit(same, 3, 0, 100).assignment();
    assertEquals(3, Arrays.stream(label).distinct().count());
  }

  @Test
  void moreClustersThanPointsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new float[][] {{0}, {1}, {2}}, 8, 0, 100));
  }
}

package margins.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import margins.train.TinySets;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

  @Test
  void theHeldOutSplitIsDisjointCompleteAndTheSameEveryTime() {
    TrainingSet set = TinySets.squares(50, 8, 1);
    TrainingSet.Split a = set.split(0.1);
    TrainingSet.Split b = set.split(0.1);
    assertEquals(5, a.heldOut().length);
    assertEquals(45, a.train().count());
    assertArrayEquals(a.heldOut(), b.heldOut());
    int[] all = IntStream.concat(Arrays.stream(a.heldOut()), Arrays.stream(a.trainIndices())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 50).toArray(), all);
    assertEquals(set.hash(), a.train().hash());
  }

  @Test
  void aSubsetHoldsThoseImagesPixelForPixel() {
    TrainingSet set = TinySets.squares(6, 8, 2);
    TrainingSet sub = set.subset(new int[] {4, 1});
    float[] x = new float[3 * 64];
    float[] y = new float[3 * 64];
    set.copyChw(4, x, 0, false);
    sub.copyChw(0, y, 0, false);
    assertArrayEquals(x, y);
  }

  @Test
  void aMirroredCopyReversesEachRow() {
    TrainingSet set = TinySets.squares(3, 8, 3);
    float[] plain = new float[3 * 64];
    float[] mirror = new float[3 * 64];
    set.copyChw(1, plain, 0, false);
    set.copyChw(1, mirror, 0, true);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          assertEquals(plain[c * 64 + y * 8 + x], mirror[c * 64 + y * 8 + 7 - x]);
        }
      }
    }
  }

  @Test
  void aBatchDrawsDistinctImagesWhenThereAreEnough() {
    int[] idx = TinySets.squares(10, 8, 4).draw(10, new SplittableRandom(1));
    assertEquals(10, Arrays.stream(idx).distinct().count());
    int[] more = TinySets.squares(3, 8, 4).draw(7, new SplittableRandom(1));
    assertTrue(Arrays.stream(more).allMatch(i -> i >= 0 && i < 3));
  }

  @Test
  void pixelsThatDoNotMatchTheCountAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TrainingSet(new byte[10], 1, 8, "x"));
  }
}

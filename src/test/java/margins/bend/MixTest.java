package margins.bend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mix operation's masks and blend on tiny tensors. */
class MixTest {

  static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void masksTakeTheOtherMapsOnTheRightBelowInsideTheDiscAndOnDarkSquares() {
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 1, 1}, Mix.mask("left-right", 2, 4));
    assertArrayEquals(new float[] {0, 0, 1, 1}, Mix.mask("top-bottom", 2, 2));
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, Mix.mask("disc", 4, 4));
    assertArrayEquals(new float[] {0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0}, Mix.mask("checker", 4, 4));
  }

  @Test
  void blendTakesEachPixelFromOneSideOfTheMaskInEveryChannel() {
    // (1, 2, 2, 2): current maps 1..8, other maps 10 * that.
    NDArray maps = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 2, 2, 2));
    NDArray other = maps.mul(10);
    float[] out = Mix.blend(maps, other, "left-right").toFloatArray();
    assertArrayEquals(new float[] {1, 20, 3, 40, 5, 60, 7, 80}, out);
    assertArrayEquals(new float[] {1, 2, 30, 40, 5, 6, 70, 80}, Mix.blend(maps, other, "top-bottom").toFloatArray());
  }

  @Test
  void anUnknownMaskIsRefusedWithTheKnownOnes() {
    assertThrows(IllegalArgumentException.class, () -> Mix.mask("stripes", 2, 2));
    assertThrows(IllegalArgumentException.class, () -> new Mix(null, "up1", new float[0], "stripes"));
  }
}

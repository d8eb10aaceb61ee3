package margins.bend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BendOpsTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** One (1, 1, H, W) map from rows. */
  private NDArray map(float[][] rows) {
    int h = rows.length;
    int w = rows[0].length;
    float[] flat = new float[h * w];
    for (int y = 0; y < h; y++) {
      System.arraycopy(rows[y], 0, flat, y * w, w);
    }
    return manager.create(flat, new Shape(1, 1, h, w));
  }

  private static float[] flat(float[][] rows) {
    int w = rows[0].length;
    float[] out = new float[rows.length * w];
    for (int y = 0; y < rows.length; y++) {
      System.arraycopy(rows[y], 0, out, y * w, w);
    }
    return out;
  }

  private static NDArray run(String op, Map<String, Double> params, NDArray maps) {
    return BendOps.create(op, params).apply(maps);
  }

  private static void assertMap(float[][] expected, NDArray actual) {
    assertEquals(new Shape(1, 1, expected.length, expected[0].length), actual.getShape());
    assertArrayEquals(flat(expected), actual.toFloatArray(), 1e-5f);
  }

  @Test
  void flipHMirrorsEachRow() {
    assertMap(new float[][] {{2, 1}, {4, 3}}, run("flip-h", Map.of(), map(new float[][] {{1, 2}, {3, 4}})));
  }

  @Test
  void flipVMirrorsEachColumn() {
    assertMap(new float[][] {{3, 4}, {1, 2}}, run("flip-v", Map.of(), map(new float[][] {{1, 2}, {3, 4}})));
  }

  @Test
  void translateByOnePixelShiftsRightAndDownWithZeroFill() {
    NDArray in = map(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    assertMap(new float[][] {{0, 0, 0}, {0, 1, 2}, {0, 4, 5}}, run("translate", Map.of("dx", 1.0, "dy", 1.0), in));
    assertMap(new float[][] {{2, 3, 0}, {5, 6, 0}, {8, 9, 0}}, run("translate", Map.of("dx", -1.0, "nearest", 1.0), in));
  }

  @Test
  void translateByHalfAPixelAveragesNeighbours() {
    NDArray in = map(new float[][] {{2, 4}});
    assertMap(new float[][] {{1, 3}}, run("translate", Map.of("dx", 0.5), in));
  }

  private static final float[][] PLUS = {
    {0, 0, 0, 0, 0},
    {0, 0, 1, 0, 0},
    {0, 1, 1, 1, 0},
    {0, 0, 1, 0, 0},
    {0, 0, 0, 0, 0},
  };

  @Test
  void dilateGrowsABinaryShapeToItsSquareNeighbourhood() {
    float[][] expected = {
      {0, 1, 1, 1, 0},
      {1, 1, 1, 1, 1},
      {1, 1, 1, 1, 1},
      {1, 1, 1, 1, 1},
      {0, 1, 1, 1, 0},
    };
    assertMap(expected, run("dilate", Map.of("r", 1.0), map(PLUS)));
  }

  @Test
  void erodeKeepsOnlyPixelsWhoseWholeWindowIsOn() {
    float[][] square = {
      {0, 0, 0, 0, 0},
      {0, 1, 1, 1, 0},
      {0, 1, 1, 1, 0},
      {0, 1, 1, 1, 0},
      {0, 0, 0, 0, 1},
    };
    float[][] expected = new float[5][5];
    expected[2][2] = 1;
    assertMap(expected, run("erode", Map.of("r", 1.0), map(square)));
    assertMap(new float[5][5], run("erode", Map.of(), map(PLUS)));
  }

  @Test
  void erodeTreatsTheOutsideAsNeutralSoAFullMapStaysFull() {
    float[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    assertMap(ones, run("erode", Map.of("r", 2.0), map(ones)));
  }

  @Test
  void rotateByNinetyDegreesTurnsA3x3MapCounterClockwise() {
    NDArray in = map(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    // numpy.rot90: the right column becomes the top row.
    float[][] expected = {{3, 6, 9}, {2, 5, 8}, {1, 4, 7}};
    assertMap(expected, run("rotate", Map.of("degrees", 90.0), in));
    assertMap(expected, run("rotate", Map.of("degrees", 90.0, "nearest", 1.0), in));
  }

  @Test
  void rotateByFortyFiveDegreesZeroFillsTheCorners() {
    float[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    NDArray out = run("rotate", Map.of("degrees", 45.0, "nearest", 1.0), map(ones));
    float[] v = out.toFloatArray();
    assertEquals(1f, v[4], 1e-6f);
    assertTrue(v[0] == 1f, "a corner at distance sqrt 2 reads an edge pixel at nearest");
    NDArray bilinear = run("rotate", Map.of("degrees", 45.0), map(ones));
    assertTrue(bilinear.toFloatArray()[0] < 1f, "bilinear corners mix in the zero fill");
  }

  @Test
  void scaleByTwoGrowsACentredDotToTwiceItsSize() {
    float[][] dot = {{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}};
    float[][] ones = {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}};
    assertMap(ones, run("scale", Map.of("factor", 2.0, "nearest", 1.0), map(dot)));
  }

  @Test
  void scaleByAHalfShrinksTowardTheCentreWithZeroFill() {
    float[][] ones = {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}};
    NDArray out = run("scale", Map.of("factor", 0.5, "nearest", 1.0), map(ones));
    // Output pixel 0 reads 1.5 + (0 - 1.5) * 2 = -1.5: outside; pixel 1 reads 0.5 -> 1 (round half up).
    float[][] expected = {{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}};
    assertMap(expected, out);
  }

  @Test
  void multiplyScalesEveryValue() {
    assertMap(new float[][] {{-3, 1.5f}}, run("multiply", Map.of("factor", 1.5), map(new float[][] {{-2, 1}})));
  }

  @Test
  void binaryThresholdCountsTheBoundaryValueAsOn() {
    NDArray in = map(new float[][] {{0.49f, 0.5f, 0.51f, -1}});
    assertMap(new float[][] {{0, 1, 1, 0}}, run("binary-threshold", Map.of("t", 0.5), in));
  }

  @Test
  void invertIsOneMinusX() {
    assertMap(new float[][] {{1, 0, 0.75f, 3}}, run("invert", Map.of(), map(new float[][] {{0, 1, 0.25f, -2}})));
  }

  @Test
  void ablateZeroesEverything() {
    assertMap(new float[][] {{0, 0}, {0, 0}}, run("ablate", Map.of(), map(new float[][] {{1, -2}, {3, 4}})));
  }

  @Test
  void anOutOfRangeParameterNamesItsRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BendOps.create("scale", Map.of("factor", 0.0)));
    assertTrue(e.getMessage().contains("[0.01, 100.0]"), e.getMessage());
  }

  @Test
  void anUnknownParameterNamesTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BendOps.create("rotate", Map.of("angle", 3.0)));
    assertTrue(e.getMessage().contains("degrees, nearest"), e.getMessage());
  }

  @Test
  void anUnknownOpNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BendOps.create("melt", Map.of()));
    assertTrue(e.getMessage().contains("binary-threshold") && e.getMessage().contains("ablate"), e.getMessage());
  }

  @Test
  void aFractionalRadiusIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BendOps.create("dilate", Map.of("r", 1.5)));
  }
}

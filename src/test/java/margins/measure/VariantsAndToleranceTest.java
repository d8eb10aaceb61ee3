package margins.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantsAndToleranceTest {

  static final int S = SyntheticArchives.S;

  static float[] flat(float v) {
    float[] x = new float[3 * S * S];
    java.util.Arrays.fill(x, v);
    return x;
  }

  @Test
  void aFlatImageSurvivesBlurShiftAndHalving() {
    float[] grey = flat(0.3f);
    assertArrayEquals(grey, Variants.blur(grey, S, 1.5), 1e-6f);
    assertArrayEquals(grey, Variants.shift(grey, S, 2, -1), 0f);
    assertArrayEquals(grey, Variants.downUp(grey, S), 1e-6f);
  }

  @Test
  void aShiftMovesPixelsAndRepeatsTheEdge() {
    float[] x = new float[3 * S * S];
    x[5 * S + 7] = 1f;
    float[] moved = Variants.shift(x, S, 1, 2);
    assertEquals(1f, moved[7 * S + 8]);
    assertEquals(0f, moved[5 * S + 7]);
  }

  @Test
  void recolouringScalesShiftsAndClips() {
    float[] x = Variants.recolour(flat(0.5f), S, new double[] {1.1, 1, 3}, new double[] {0, 0.1, 0});
    assertEquals(0.55f, x[0], 1e-6f);
    assertEquals(0.6f, x[S * S], 1e-6f);
    assertEquals(1f, x[2 * S * S], 0f);
  }

  @Test
  void lightVariantsTakeTurnsAndAreTheSameEveryTime() {
    float[] x = SyntheticArchives.shapes(1, 5).get(0);
    assertArrayEquals(Variants.blur(x, S, 0.5), Variants.light(x, S, 0, 7L), 0f);
    assertArrayEquals(Variants.shift(x, S, 1, 0), Variants.light(x, S, 1, 7L), 0f);
    assertArrayEquals(Variants.light(x, S, 2, 7L), Variants.light(x, S, 2, 7L), 0f);
    assertArrayEquals(Variants.downUp(x, S), Variants.light(x, S, 3, 7L), 0f);
    assertArrayEquals(Variants.shift(x, S, 0, 1), Variants.light(x, S, 5, 7L), 0f);
  }

  @Test
  void theToleranceIsTheMedianDistanceToALightVariant() {
    List<float[]> archive = SyntheticArchives.shapes(40, 6);
    FeatureSpace space = new PixelStructure();
    double[] d = Tolerance.distances(space, archive::get, archive.size(), S);
    assertEquals(40, d.length);
    double tau = Tolerance.calibrate(space, archive::get, archive.size(), S);
    assertEquals(Tolerance.median(d), tau, 0.0);
    assertTrue(tau > 0 && tau < 0.5, "tolerance " + tau);
    assertEquals(tau, Tolerance.calibrate(space, archive::get, archive.size(), S), 0.0, "the same every time");
    float[] v = Variants.light(archive.get(0), S, 0, Tolerance.SEED);
    assertEquals(d[0], Math.sqrt(VectorSets.squared(space.embed(List.of(archive.get(0)), S)[0],
        space.embed(List.of(v), S)[0])), 1e-12);
  }

  @Test
  void aLargeArchiveIsSampledEvenly() {
    List<float[]> archive = SyntheticArchives.textures(Tolerance.SAMPLE + 100, 8);
    assertEquals(Tolerance.SAMPLE, Tolerance.distances(new Thumbnail(), archive::get, archive.size(), S).length);
  }
}

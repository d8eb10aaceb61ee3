package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailTest {

  static final int S = SyntheticArchives.S;
  static final FeatureSpace SPACE = FeatureSpaces.byId("thumbnail");

  static double distance(float[] a, float[] b) {
    return Math.sqrt(VectorSets.squared(a, b));
  }

  @Test
  void everySizeEmbedsTo386ValuesAndWhiteIsLightnessOneHundred() {
    for (int size : new int[] {8, 12, 32, 64, 128}) {
      float[] white = new float[3 * size * size];
      java.util.Arrays.fill(white, 1f);
      float[] f = SPACE.embed(List.of(white), size)[0];
      assertEquals(386, f.length);
      assertEquals(SPACE.dimension(size), f.length);
      assertEquals(100 / (50.0 * 16), f[0], 1e-5);
      assertEquals(0, f[256], 1e-5, "a* of white");
      assertEquals(Thumbnail.STEP_WEIGHT, f[385], 1e-6, "a flat image reads as smooth");
    }
  }

  @Test
  void noiseLiesFarFromAPictureAndASoftenedPictureStaysNearIt() {
    for (float[] x : SyntheticArchives.shapes(10, 21)) {
      float[][] f = SPACE.embed(List.of(x, Variants.blur(x, S, 1.0), Variants.shift(x, S, 1, 0),
          SyntheticArchives.shuffled(List.of(x), 1, 3).get(0)), S);
      assertTrue(distance(f[0], f[1]) < 0.25, "blur " + distance(f[0], f[1]));
      assertTrue(distance(f[0], f[2]) < 0.25, "shift " + distance(f[0], f[2]));
      assertTrue(distance(f[0], f[3]) > 1.5,
          "shuffled " + distance(f[0], f[3]));
    }
  }

  @Test
  void badSizesAndLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SPACE.dimension(129));
    IllegalArgumentException len = assertThrows(
        IllegalArgumentException.class, () -> SPACE.embed(List.of(new float[10]), 8));
    assertTrue(len.getMessage().contains("expected 3 x 8 x 8 = 192"), len.getMessage());
  }
}

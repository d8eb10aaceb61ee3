package margins.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelStructureTest {

  static final int S = 32;
  static final FeatureSpace SPACE = FeatureSpaces.byId("pixel-structure");

  /** A smooth red-to-blue ramp with a light disc in the middle: colour layout plus one clear edge. */
  static float[] disc(int shift) {
    float[] im = new float[3 * S * S];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        int sx = Math.max(0, x - shift);
        boolean in = (sx - 15.5) * (sx - 15.5) + (y - 15.5) * (y - 15.5) < 64;
        im[y * S + x] = in ? 0.95f : sx / 31f;
        im[S * S + y * S + x] = in ? 0.9f : 0.2f;
        im[2 * S * S + y * S + x] = in ? 0.85f : y / 31f;
      }
    }
    return im;
  }

  /** The same pixels (all three channels together) in a seeded random order. */
  static float[] shuffled(float[] im, long seed) {
    int plane = S * S;
    int[] order = new int[plane];
    for (int i = 0; i < plane; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = plane - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    float[] out = new float[im.length];
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < plane; p++) {
        out[c * plane + p] = im[c * plane + order[p]];
      }
    }
    return out;
  }

  static double[] meanLab(float[] im) {
    double[] sum = new double[3];
    int plane = S * S;
    for (int p = 0; p < plane; p++) {
      double[] lab = Lab.fromSrgb(im[p], im[plane + p], im[2 * plane + p]);
      for (int c = 0; c < 3; c++) {
        sum[c] += lab[c] / plane;
      }
    }
    return sum;
  }

  static double distance(float[] a, float[] b) {
    return Math.sqrt(VectorSets.squared(a, b));
  }

  @Test
  void aShuffledTwinKeepsItsColoursButLandsFarAway() {
    float[] image = disc(0);
    float[] twin = shuffled(image, 9);
    assertArrayEquals(meanLab(image), meanLab(twin), 1e-9);
    float[][] f = SPACE.embed(List.of(image, twin, disc(1)), S);
    double shuffle = distance(f[0], f[1]);
    double shift = distance(f[0], f[2]);
    assertTrue(shuffle > 0.5, "shuffle distance " + shuffle);
    assertTrue(shift < shuffle / 5, "one-pixel shift " + shift + " against shuffle " + shuffle);
  }

  @Test
  void aFlatImageHasNoStructureAndWhiteIsLightnessOneHundred() {
    float[] white = new float[3 * S * S];
    java.util.Arrays.fill(white, 1f);
    float[] f = SPACE.embed(new float[][] {white}, S)[0];
    assertEquals(322, f.length);
    assertEquals(100 * PixelStructure.COLOUR_WEIGHT, f[0], 1e-5);
    assertEquals(0, f[64], 1e-5, "a* of white");
    for (int i = PixelStructure.COLOUR_DIMENSION; i < PixelStructure.STRUCTURE_END; i++) {
      assertEquals(0f, f[i], "stroke value " + i);
    }
    for (int i = PixelStructure.STRUCTURE_END; i < f.length; i++) {
      assertEquals(PixelStructure.GRAIN_WEIGHT, f[i], 1e-6, "a flat image reads as smooth, not as noise");
    }
  }

  @Test
  void midGreyDecodesToTheStandardLightness() {
    assertEquals(53.389, Lab.fromSrgb(0.5, 0.5, 0.5)[0], 1e-3);
    assertEquals(Lab.decodeExact(0.3), Lab.decode(0.3f), 1e-6);
  }

  @Test
  void areaWeightsSharePixelsBetweenCellsWhenTheSizeIsNotAMultipleOfEight() {
    double[][] w = Area.weights(12, 8);
    // Cell 0 spans pixels [0, 1.5): all of pixel 0 and half of pixel 1, out of 1.5.
    assertEquals(1 / 1.5, w[0][0], 1e-12);
    assertEquals(0.5 / 1.5, w[0][1], 1e-12);
    assertEquals(0.5 / 1.5, w[1][1], 1e-12);
    for (double[] row : w) {
      assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-12);
    }
  }

  @Test
  void everySizeFromEightToOneTwentyEightEmbedsTo322Values() {
    for (int size : new int[] {8, 12, 31, 128}) {
      float[] im = new float[3 * size * size];
      new Random(size).ints(0, 100).limit(im.length).forEach(new java.util.function.IntConsumer() {
        int i;

        public void accept(int v) {
          im[i++] = v / 99f;
        }
      });
      float[] f = SPACE.embed(List.of(im), size)[0];
      assertEquals(SPACE.dimension(size), f.length);
      double structure = 0;
      for (int i = PixelStructure.COLOUR_DIMENSION; i < PixelStructure.STRUCTURE_END; i++) {
        structure += f[i] * f[i];
      }
      assertTrue(structure > 0.5 && structure <= 1.0 + 1e-6, "noise fills every cell, got " + structure);
      if (size >= 31) {
        for (int i = PixelStructure.STRUCTURE_END; i < f.length; i++) {
          assertTrue(f[i] < 0.5 * PixelStructure.GRAIN_WEIGHT, "noise has no pixel-level structure: " + f[i]);
        }
      }
    }
  }

  @Test
  void noiseLiesFarFromAPictureAndABlurredPictureStaysNearIt() {
    float[] image = disc(0);
    float[] noise = new float[3 * S * S];
    Random r = new Random(5);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = r.nextFloat();
    }
    float[][] f = SPACE.embed(List.of(image, Variants.blur(image, S, 1.0), noise, shuffled(image, 3)), S);
    double blur = distance(f[0], f[1]);
    assertTrue(blur < 0.2, "blur moves the disc by " + blur);
    assertTrue(distance(f[0], f[2]) > 2.5, "noise " + distance(f[0], f[2]));
    assertTrue(distance(f[0], f[3]) > 2.5, "shuffled " + distance(f[0], f[3]));
  }

  @Test
  void badSizesLengthsAndValuesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SPACE.dimension(7));
    assertTrue(e.getMessage().contains("8..128"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SPACE.embed(List.of(new float[3 * 8 * 8]), 129));
    IllegalArgumentException len = assertThrows(
        IllegalArgumentException.class, () -> SPACE.embed(List.of(new float[10]), 8));
    assertTrue(len.getMessage().contains("expected 3 x 8 x 8 = 192"), len.getMessage());
    float[] nan = new float[3 * 8 * 8];
    nan[5] = Float.NaN;
    assertThrows(IllegalArgumentException.class, () -> SPACE.embed(List.of(nan), 8));
    assertThrows(IllegalArgumentException.class, () -> FeatureSpaces.byId("inception"));
  }
}

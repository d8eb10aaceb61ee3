package margins.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GrainTest {

  static final int S = SyntheticArchives.S;

  static List<float[]> pictures() {
    List<float[]> out = new ArrayList<>();
    out.addAll(SyntheticArchives.shapes(30, 11));
    out.addAll(SyntheticArchives.lines(30, 12));
    out.addAll(SyntheticArchives.textures(30, 13));
    return out;
  }

  static float[] uniformNoise(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[3 * size * size];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  @Test
  void noiseOfEveryKindHasNoPixelLevelStructureAtEitherScale() {
    List<float[]> noise = new ArrayList<>();
    noise.addAll(SyntheticArchives.gaussian(pictures(), 20, 1));
    noise.addAll(SyntheticArchives.shuffled(pictures(), 40, 2));
    for (float[] x : noise) {
      assertTrue(Grain.noiseLike(x, S), java.util.Arrays.toString(Grain.correlations(x, S)));
    }
    for (int size : new int[] {32, 64, 128}) {
      assertTrue(Grain.noiseLike(uniformNoise(size, size), size), "uniform noise at " + size);
    }
  }

  @Test
  void flatShapesThinLinesAndTexturesAreNeverNoiseLikeNorWhenSoftened() {
    for (float[] x : pictures()) {
      assertFalse(Grain.noiseLike(x, S), java.util.Arrays.toString(Grain.correlations(x, S)));
      assertFalse(Grain.noiseLike(Variants.blur(x, S, 1.0), S));
      assertFalse(Grain.noiseLike(Variants.downUp(x, S), S));
    }
  }

  @Test
  void aFlatImageReadsAsSmoothNotAsNoise() {
    float[] grey = new float[3 * S * S];
    java.util.Arrays.fill(grey, 0.4f);
    assertArrayEquals(new double[] {1, 1}, Grain.structure(grey, S), 1e-12);
    assertFalse(Grain.noiseLike(grey, S));
  }

  @Test
  void blurringOnlyRaisesTheCorrelation() {
    for (float[] x : SyntheticArchives.textures(10, 14)) {
      double[] before = Grain.correlations(x, S);
      double[] after = Grain.correlations(Variants.blur(x, S, 1.0), S);
      assertTrue(after[0] >= before[0], before[0] + " -> " + after[0]);
    }
  }

  @Test
  void theFlagsOfABatchAreThoseOfEachImage() {
    List<float[]> mixed = List.of(uniformNoise(S, 3), SyntheticArchives.shapes(1, 4).get(0));
    boolean[] flags = Grain.noiseLike(mixed, S);
    assertEquals(2, flags.length);
    assertTrue(flags[0]);
    assertFalse(flags[1]);
  }
}

package margins.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  static final int SIZE = 8;

  static float[] gradient(int shift) {
    float[] x = new float[3 * SIZE * SIZE];
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < SIZE * SIZE; p++) {
        x[c * SIZE * SIZE + p] = ((p + shift * (c + 1)) % 17) / 16f;
      }
    }
    return x;
  }

  /** The image's pixels as sorted RGB triples: its colour histogram. */
  static List<String> histogram(float[] x) {
    List<String> out = new ArrayList<>();
    int plane = SIZE * SIZE;
    for (int p = 0; p < plane; p++) {
      out.add(x[p] + "," + x[plane + p] + "," + x[2 * plane + p]);
    }
    out.sort(null);
    return out;
  }

  @Test
  void shuffledPixelsKeepEachImagesColourHistogramButNotItsLayout() {
    List<float[]> archive = List.of(gradient(0), gradient(5));
    List<float[]> shuffled = Baselines.shuffled(4, 2, archive::get, SIZE, 3L);
    assertEquals(4, shuffled.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(histogram(archive.get(i % 2)), histogram(shuffled.get(i)));
      assertFalse(Arrays.equals(archive.get(i % 2), shuffled.get(i)), "pixels moved in image " + i);
    }
  }

  @Test
  void theSameSeedShufflesTheSameWay() {
    List<float[]> archive = List.of(gradient(1));
    assertArrayEquals(Baselines.shuffled(1, 1, archive::get, SIZE, 9L).get(0),
        Baselines.shuffled(1, 1, archive::get, SIZE, 9L).get(0));
  }

  @Test
  void pixelNoiseFollowsTheArchivesColourStatisticsWithinZeroToOne() {
    Random r = new Random(1);
    List<float[]> archive = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      float[] x = new float[3 * SIZE * SIZE];
      for (int p = 0; p < x.length; p++) {
        // Red around 0.8, green and blue around 0.2.
        x[p] = (float) Math.max(0, Math.min(1, (p < SIZE * SIZE ? 0.8 : 0.2) + 0.05 * r.nextGaussian()));
      }
      archive.add(x);
    }
    List<float[]> noise = Baselines.gaussian(50, SIZE, archive, 4L);
    double red = 0;
    double blue = 0;
    for (float[] x : noise) {
      for (int p = 0; p < SIZE * SIZE; p++) {
        red += x[p];
        blue += x[2 * SIZE * SIZE + p];
      }
      for (float v : x) {
        assertTrue(v >= 0 && v <= 1, "value " + v);
      }
    }
    assertEquals(0.8, red / (50 * SIZE * SIZE), 0.02);
    assertEquals(0.2, blue / (50 * SIZE * SIZE), 0.02);
    assertArrayEquals(noise.get(3), Baselines.gaussian(50, SIZE, archive, 4L).get(3));
  }

  @Test
  void baselinesWithoutArchiveImagesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Baselines.gaussian(3, SIZE, List.of(), 0L));
    assertThrows(IllegalArgumentException.class, () -> Baselines.shuffled(3, 0, i -> null, SIZE, 0L));
  }
}

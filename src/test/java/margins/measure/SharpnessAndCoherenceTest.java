package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharpnessAndCoherenceTest {

  static final int S = SyntheticArchives.S;

  static List<float[]> pictures() {
    List<float[]> out = new ArrayList<>();
    out.addAll(SyntheticArchives.shapes(20, 21));
    out.addAll(SyntheticArchives.lines(20, 22));
    out.addAll(SyntheticArchives.textures(20, 23));
    return out;
  }

  static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElseThrow();
  }

  @Test
  void aFlatImageHasNoSharpnessAndReadsAsCoherent() {
    float[] grey = new float[3 * S * S];
    java.util.Arrays.fill(grey, 0.3f);
    assertEquals(0, Sharpness.of(grey, S), 0);
    assertEquals(1, Coherence.of(grey, S), 1e-12);
  }

  @Test
  void aSingleGreyStepHasTheLaplacianOfItsTwoEdgeColumns() {
    // Left half black, right half white: the Laplacian is +1 on the last black column and -1 on the first white
    // one, 0 elsewhere (borders replicated), so the mean |Laplacian| is 2 columns of S over S x S pixels.
    float[] step = new float[3 * S * S];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < S; y++) {
        for (int x = S / 2; x < S; x++) {
          step[c * S * S + y * S + x] = 1f;
        }
      }
    }
    assertEquals(2.0 / S, Sharpness.of(step, S), 1e-6);
  }

  @Test
  void blurringLowersSharpnessEveryTimeAndMoreTheMoreItBlurs() {
    List<float[]> images = pictures();
    double[] sharp = Sharpness.of(images, S);
    double[] light = Sharpness.of(images.stream().map(x -> Variants.blur(x, S, 0.5)).toList(), S);
    double[] heavy = Sharpness.of(images.stream().map(x -> Variants.blur(x, S, 1.5)).toList(), S);
    for (int i = 0; i < images.size(); i++) {
      assertTrue(light[i] < sharp[i], "image " + i + ": " + light[i] + " vs " + sharp[i]);
      assertTrue(heavy[i] < light[i], "image " + i + ": " + heavy[i] + " vs " + light[i]);
    }
    assertTrue(mean(heavy) / mean(sharp) < 0.6, "relative sharpness of a 1.5 px blur " + mean(heavy) / mean(sharp));
  }

  @Test
  void noiseIsFarSharperThanPicturesAndHasNoCoherence() {
    List<float[]> images = pictures();
    List<float[]> noise = new ArrayList<>(SyntheticArchives.gaussian(images, 30, 24));
    noise.addAll(SyntheticArchives.shuffled(images, 30, 25));
    assertTrue(mean(Sharpness.of(noise, S)) > 1.5 * mean(Sharpness.of(images, S)));
    for (double c : Coherence.of(noise, S)) {
      assertEquals(0, c, 0.1);
    }
  }

  @Test
  void picturesAreCoherentAndBlurringMakesThemMoreSo() {
    List<float[]> images = pictures();
    double[] c = Coherence.of(images, S);
    double[] blurred = Coherence.of(images.stream().map(x -> Variants.blur(x, S, 1.0)).toList(), S);
    assertTrue(mean(Coherence.of(SyntheticArchives.shapes(20, 21), S)) > 0.8, "flat shapes");
    for (int i = 0; i < images.size(); i++) {
      assertTrue(c[i] > 0.2, "image " + i + ": " + c[i]);
      assertTrue(blurred[i] > c[i], "image " + i + ": " + blurred[i] + " vs " + c[i]);
    }
  }
}

package margins.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The genes: the principal directions of the encoded archive, and a latent moved along them. */
class GenesTest {

  /** Codes spread 3 along x, 1 along y, 0.1 along z, rotated 45 degrees in the x-y plane. */
  static float[][] codes() {
    Random r = new Random(1);
    float[][] c = new float[2000][];
    double s = Math.sqrt(0.5);
    for (int i = 0; i < c.length; i++) {
      double a = 3 * r.nextGaussian();
      double b = r.nextGaussian();
      c[i] = new float[] {(float) (s * (a - b) + 5), (float) (s * (a + b)), (float) (0.1 * r.nextGaussian())};
    }
    return c;
  }

  @Test
  void theFirstGeneIsTheArchivesWidestDirection() {
    Genes g = Genes.of(codes(), Genes.MAX);
    assertEquals(3, g.count(), "at most one gene per latent dimension");
    double s = Math.sqrt(0.5);
    assertEquals(1.0, Math.abs(g.directions()[0][0] * s + g.directions()[0][1] * s), 0.01);
    assertEquals(3.0, g.sigmas()[0], 0.15);
    assertEquals(1.0, g.sigmas()[1], 0.05);
    assertEquals(0.1, g.sigmas()[2], 0.01);
    assertTrue(g.sigmas()[0] > g.sigmas()[1] && g.sigmas()[1] > g.sigmas()[2]);
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = 0;
        for (int k = 0; k < 3; k++) {
          dot += g.directions()[a][k] * g.directions()[b][k];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-4, "directions are orthonormal");
      }
    }
  }

  @Test
  void settingAGeneMovesOnlyAlongIt() {
    Genes g = Genes.of(codes(), Genes.MAX);
    float[] z = {5.3f, 0.2f, 0.05f};
    double[] before = g.values(z);
    float[] moved = g.set(z, new Double[] {before[0] + 2, null, null});
    double[] after = g.values(moved);
    assertEquals(before[0] + 2, after[0], 1e-4);
    assertEquals(before[1], after[1], 1e-4);
    assertEquals(before[2], after[2], 1e-4);
    assertArrayEquals(z, g.set(z, new Double[] {null}), "no values: no move");
  }
}

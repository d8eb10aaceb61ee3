package margins.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import margins.math.VectorMath;
import org.junit.jupiter.api.Test;

class WalksTest {

  private static float[] gaussian(int d, long seed) {
    Random r = new Random(seed);
    float[] v = new float[d];
    for (int i = 0; i < d; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  /** The wrap-around step (last frame to first) over the mean step between neighbours. */
  private static double seamRatio(float[][] f) {
    double sum = 0;
    for (int i = 1; i < f.length; i++) {
      sum += distance(f[i - 1], f[i]);
    }
    return distance(f[f.length - 1], f[0]) / (sum / (f.length - 1));
  }

  @Test
  void lerpStartsAndEndsExactlyAtItsEndpoints() {
    float[] a = gaussian(16, 1);
    float[] b = gaussian(16, 2);
    float[][] f = new Lerp(a, b, 5).latents();
    assertEquals(5, f.length);
    assertArrayEquals(a, f[0]);
    assertArrayEquals(b, f[4]);
    assertEquals((a[3] + b[3]) / 2, f[2][3], 1e-6f);
  }

  @Test
  void slerpKeepsTheNormOfEqualNormEndpointsAndStaysBetweenOtherwise() {
    float[] a = gaussian(64, 3);
    float[] b = gaussian(64, 4);
    double na = VectorMath.norm(a);
    float[] bScaled = b.clone();
    double k = na / VectorMath.norm(b);
    for (int i = 0; i < b.length; i++) {
      bScaled[i] *= (float) k;
    }
    for (float[] z : new Slerp(a, bScaled, 9).latents()) {
      assertEquals(na, VectorMath.norm(z), 1e-4 * na);
    }
    double lo = Math.min(na, VectorMath.norm(b));
    double hi = Math.max(na, VectorMath.norm(b));
    float[][] f = new Slerp(a, b, 9).latents();
    assertArrayEquals(a, f[0]);
    assertArrayEquals(b, f[8]);
    for (float[] z : f) {
      double n = VectorMath.norm(z);
      assertTrue(n >= lo - 1e-4 && n <= hi + 1e-4, n + " outside [" + lo + ", " + hi + "]");
    }
    float[] lerpMid = new Lerp(a, b, 3).latents()[1];
    assertTrue(VectorMath.norm(f[4]) > VectorMath.norm(lerpMid), "slerp does not sag toward the origin like lerp");
  }

  @Test
  void slerpOfParallelEndpointsFallsBackToLerp() {
    float[] a = {1, 2, 3};
    float[] b = {2, 4, 6};
    assertArrayEquals(new float[] {1.5f, 3, 4.5f}, new Slerp(a, b, 3).latents()[1], 1e-6f);
  }

  @Test
  void keyframeLoopsCloseWithoutASeamAndPassThroughEveryPoint() {
    // A square's corners: by symmetry every step into a corner has one length, the seam included.
    float[][] square = new float[4][8];
    for (int k = 0; k < 4; k++) {
      square[k][0] = (float) (5 * Math.cos(Math.PI * k / 2));
      square[k][1] = (float) (5 * Math.sin(Math.PI * k / 2));
      square[k][2] = 1;
    }
    float[][] random = {gaussian(32, 5), gaussian(32, 6), gaussian(32, 7), gaussian(32, 8)};
    for (String curve : new String[] {"catmull-rom", "slerp"}) {
      float[][] f = new Keyframes(square, 40, curve).latents();
      assertEquals(40, f.length);
      for (int p = 0; p < 4; p++) {
        assertArrayEquals(square[p], f[p * 10], 1e-5f, curve + " passes through point " + p);
      }
      double seam = distance(f[39], f[0]);
      for (int p = 1; p < 4; p++) {
        assertEquals(distance(f[p * 10 - 1], f[p * 10]), seam, 1e-4 * seam, curve + " step into point " + p);
      }
      double ratio = seamRatio(new Keyframes(random, 40, curve).latents());
      assertTrue(ratio > 0.25 && ratio < 1.5, curve + " seam ratio " + ratio);
    }
  }

  @Test
  void aNoiseLoopIsRoundClosedAndKeepsThePriorsTypicalNorm() {
    int d = 128;
    float[][] f = new NoiseLoop(d, 42, 30, 1.0, null).latents();
    assertEquals(30, f.length);
    for (float[] z : f) {
      assertEquals(Math.sqrt(d), VectorMath.norm(z), 1e-3);
    }
    assertEquals(1.0, seamRatio(f), 1e-3);
    assertArrayEquals(f[7], new NoiseLoop(d, 42, 30, 1.0, null).latents()[7], "the same seed remakes the loop");
    assertTrue(distance(f[0], new NoiseLoop(d, 43, 30, 1.0, null).latents()[0]) > 1);
  }

  @Test
  void aClosedRandomWalkEndsNearItsStartAndAnOpenOneDrifts() {
    float[] start = gaussian(64, 9);
    float[][] closed = new RandomWalk(start, 60, 5, 0.3, 0.8, 0.25).latents();
    float[][] open = new RandomWalk(start, 60, 5, 0.3, 0.8, 0).latents();
    assertArrayEquals(start, closed[0]);
    assertTrue(seamRatio(closed) < 1.5, "closed seam ratio " + seamRatio(closed));
    assertTrue(seamRatio(open) > 5, "open seam ratio " + seamRatio(open));
    assertArrayEquals(open[10], closed[10], "frames before the closing stretch are the open walk's");
    assertArrayEquals(closed[59], new RandomWalk(start, 60, 5, 0.3, 0.8, 0.25).latents()[59]);
  }

  @Test
  void walkParametersOutsideTheirRangeNameTheRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RandomWalk(new float[2], 10, 1, 0.1, 1.0, 0));
    assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Lerp(new float[2], new float[3], 4));
    assertThrows(IllegalArgumentException.class, () -> new Lerp(new float[2], new float[2], 1));
    assertThrows(IllegalArgumentException.class, () -> new Keyframes(new float[][] {new float[2]}, 4, null));
    assertThrows(IllegalArgumentException.class, () -> new NoiseLoop(8, 1, 10, 0, null));
  }

  @Test
  void everyWalkRemakesItsFramesFromItsJsonRecipe() {
    float[] a = gaussian(8, 1);
    float[] b = gaussian(8, 2);
    Walk[] walks = {
      new Lerp(a, b, 4),
      new Slerp(a, b, 4),
      new Keyframes(new float[][] {a, b, gaussian(8, 3)}, 9, "slerp"),
      new NoiseLoop(8, 3, 6, 0.7, a),
      new RandomWalk(a, 7, 2, 0.5, 0.5, 0.3),
    };
    for (Walk w : walks) {
      String json = Walks.json(w);
      Walk back = Walks.parse(json);
      assertInstanceOf(w.getClass(), back);
      assertTrue(json.contains("\"walk\":\""), json);
      float[][] x = w.latents();
      float[][] y = back.latents();
      for (int i = 0; i < x.length; i++) {
        assertArrayEquals(x[i], y[i], json);
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Walks.parse("{\"walk\":\"spiral\"}"));
    assertTrue(e.getMessage().contains("noise-loop"), e.getMessage());
  }

  @Test
  void schedulesSweepAndLoopBackToTheirStart() {
    Schedule pingPong = new Schedule("ping-pong", 0, 10, 1);
    assertArrayEquals(new double[] {0, 5, 10, 5}, pingPong.values(4), 1e-9);
    Schedule sine = new Schedule("sine", 1, 3, 2);
    assertEquals(1, sine.applyAsDouble(0), 1e-9);
    assertEquals(3, sine.applyAsDouble(0.25), 1e-9);
    assertEquals(1, sine.applyAsDouble(1), 1e-9);
    assertEquals(2.5, new Schedule("linear", 0, 10, 1).applyAsDouble(0.25), 1e-9);
    assertEquals(sine, margins.Json.parse(margins.Json.line(sine), Schedule.class), "a schedule is its own recipe");
    assertThrows(IllegalArgumentException.class, () -> new Schedule("square", 0, 1, 1));
  }
}

package margins.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-stage model's autoencoder and flow at 32 px: codes on the sphere, a probe that reaches every weight, saving. */
class AutoEncoderTest {

  static final AeConfig TINY = new AeConfig(32, 8, 16, 32, 1, 16, 0.2);

  static float[] images(int n) {
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[n * 3 * 32 * 32];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  @Test
  void codesLieOnTheSphereOfRadiusRootL() {
    try (AutoEncoder ae = AutoEncoder.create(TINY, Device.cpu(), 1); NDManager m = ae.manager().newSubManager()) {
      float[] z = ae.encode(m.create(images(3), new Shape(3, 3, 32, 32)), false).toFloatArray();
      for (int i = 0; i < 3; i++) {
        double sq = 0;
        for (int j = 0; j < 8; j++) {
          sq += z[i * 8 + j] * z[i * 8 + j];
        }
        assertEquals(Math.sqrt(8), Math.sqrt(sq), 1e-3);
      }
    }
  }

  @Test
  void theEngineProbeGivesTheSameFiniteGradientsTwiceAndReachesEveryWeight() {
    try (NetworkProbe probe = NetworkProbe.of(TINY, 4, Device.cpu())) {
      assertTrue(probe.key().startsWith("ae r32 l8"), probe.key());
      List<float[]> a = probe.run();
      List<float[]> b = probe.run();
      assertEquals(a.size(), b.size());
      for (int k = 0; k < a.size(); k++) {
        assertArrayEquals(a.get(k), b.get(k));
        double s = 0;
        for (float v : a.get(k)) {
          assertTrue(Float.isFinite(v));
          s += Math.abs(v);
        }
        assertTrue(s > 0, "array " + k + " of the probe is all zero: a weight no gradient reaches");
      }
    }
  }

  @Test
  void savedWeightsDecodeTheSameAfterLoading() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    float[] z = new float[2 * 8];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.sin(i);
    }
    float[] before;
    try (AutoEncoder ae = AutoEncoder.create(TINY, Device.cpu(), 5); NDManager m = ae.manager().newSubManager()) {
      ae.saveParameters(new DataOutputStream(bytes));
      before = ae.decode(m.create(z, new Shape(2, 8)), LayerHook.NONE).toFloatArray();
    }
    try (AutoEncoder ae = AutoEncoder.create(TINY, Device.cpu(), 0); NDManager m = ae.manager().newSubManager()) {
      ae.loadParameters(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      ae.forGeneration();
      assertArrayEquals(before, ae.decode(m.create(z, new Shape(2, 8)), LayerHook.NONE).toFloatArray());
    }
  }
}

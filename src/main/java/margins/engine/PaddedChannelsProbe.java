package margins.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One 3x3 convolution with 12 output channels (not a whole vector block), forward and backward: the shape on
 * which oneDNN 3.7.1 gave wrong input gradients on AMD guests without cache sizes. `margins doctor` reports it
 * to say whether this CPU has that fault; the network itself avoids such shapes.
 */
public final class PaddedChannelsProbe implements SelfCheck.Workload {

  private static final int B = 8;
  private static final int C = 32;
  private static final int O = 12;
  private static final int H = 16;

  private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu());
  private final float[] x;
  private final float[] w;
  private final float[] g;

  /** The fixed inputs, drawn once. */
  public PaddedChannelsProbe() {
    SplittableRandom r = new SplittableRandom(12);
    x = gaussians(r, B * C * H * H);
    w = gaussians(r, O * C * 9);
    g = gaussians(r, B * O * H * H);
  }

  @Override
  public String key() {
    return "conv b8 c32 o12 16x16 k3";
  }

  @Override
  public List<float[]> run() {
    try (NDManager m = manager.newSubManager()) {
      NDArray xs = m.create(x, new Shape(B, C, H, H)); // (B, C, H, W)
      NDArray ws = m.create(w, new Shape(O, C, 3, 3));
      xs.setRequiresGradient(true);
      ws.setRequiresGradient(true);
      NDArray y;
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        y = Conv2d.conv2d(xs, ws, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
        gc.backward(y.mul(m.create(g, new Shape(B, O, H, H))).sum());
      }
      return List.of(y.toFloatArray(), xs.getGradient().toFloatArray(), ws.getGradient().toFloatArray());
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  private static float[] gaussians(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }
}

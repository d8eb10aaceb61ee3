package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import margins.archive.TrainingSet;
import margins.engine.Engines;
import margins.network.AutoEncoder;
import margins.network.FlowNet;

/**
 * The flow phase: the trained encoder's codes of the training split (and of its mirror images when training
 * flips), standardised per dimension, learned by flow matching: along straight lines x_t = (1 - t) x0 + t x1 from
 * noise x0 to a code x1, the velocity field is pulled toward x1 - x0.
 */
final class FlowPhase implements PhaseStep {

  private static final int ENCODE_BATCH = 64;

  private final FlowNet flow;
  private final TwoStageConfig c;
  private final float[] codes; // (N, L) standardised, row-major
  private final int count;
  private final float[] mean;
  private final float[] sd;
  private final Adam adam;

  FlowPhase(FlowNet flow, AutoEncoder ae, TrainingSet set, TwoStageConfig c, boolean flip) {
    this.flow = flow;
    this.c = c;
    int l = c.ae().latent();
    float[] raw = encode(ae, set, flip);
    this.count = raw.length / l;
    this.mean = new float[l];
    this.sd = new float[l];
    for (int j = 0; j < l; j++) {
      double s = 0;
      for (int i = 0; i < count; i++) {
        s += raw[i * l + j];
      }
      double mu = s / count;
      double v = 0;
      for (int i = 0; i < count; i++) {
        double d = raw[i * l + j] - mu;
        v += d * d;
      }
      mean[j] = (float) mu;
      sd[j] = (float) (Math.sqrt(v / Math.max(1, count - 1)) + 1e-6);
    }
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < l; j++) {
        raw[i * l + j] = (raw[i * l + j] - mean[j]) / sd[j];
      }
    }
    this.codes = raw;
    this.adam = new Adam(flow.parameters(), flow.manager());
  }

  /** Codes (N, L) of every training image, then of every mirrored one when training flips, in batches. */
  static float[] encode(AutoEncoder ae, TrainingSet set, boolean flip) {
    int n = set.count();
    int r = set.size();
    int l = ae.config().latent();
    int passes = flip ? 2 : 1;
    float[] out = new float[passes * n * l];
    for (int p = 0; p < passes; p++) {
      for (int from = 0; from < n; from += ENCODE_BATCH) {
        int b = Math.min(ENCODE_BATCH, n - from);
        float[] x = new float[b * 3 * r * r];
        for (int i = 0; i < b; i++) {
          set.copyChw(from + i, x, i * 3 * r * r, p == 1);
        }
        try (NDManager m = ae.manager().newSubManager()) {
          float[] z = ae.encode(m.create(x, new Shape(b, 3, r, r)), false).toFloatArray(); // (b, L)
          System.arraycopy(z, 0, out, (p * n + from) * l, b * l);
        }
      }
    }
    return out;
  }

  float[] mean() {
    return mean.clone();
  }

  float[] sd() {
    return sd.clone();
  }

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public int itemsPerStep() {
    return c.flowBatch();
  }

  @Override
  public double[] step(int i, SplittableRandom rng) {
    int b = c.flowBatch();
    int l = c.ae().latent();
    float[] xt = new float[b * l];
    float[] target = new float[b * l];
    float[] t = new float[b];
    for (int k = 0; k < b; k++) {
      int row = rng.nextInt(count);
      t[k] = (float) rng.nextDouble();
      for (int j = 0; j < l; j++) {
        float x0 = (float) rng.nextGaussian();
        float x1 = codes[row * l + j];
        xt[k * l + j] = (1 - t[k]) * x0 + t[k] * x1;
        target[k * l + j] = x1 - x0;
      }
    }
    // Linear decay to 0 over the second half of the phase.
    double lr = c.flowLr() * Math.min(1.0, 2.0 * (1.0 - i / (double) c.flowSteps()));
    NDManager m = flow.manager();
    try (NDScope scope = new NDScope()) {
      NDArray x = m.create(xt, new Shape(b, l)); // (B, L)
      NDArray time = m.create(t, new Shape(b, 1)); // (B, 1)
      NDArray v1 = m.create(target, new Shape(b, l)); // (B, L)
      double[] out = new double[4];
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        gc.zeroGradients();
        NDArray loss = flow.velocity(x, time, true).sub(v1).square().mean();
        gc.backward(loss);
        out[0] = loss.getFloat();
        out[1] = out[0];
      }
      out[3] = adam.gradNorm();
      if (Guards.finite(out)) {
        adam.step(lr, 0, out[3]);
      }
      return out;
    }
  }

  @Override
  public List<Parameter> parameters() {
    return flow.parameters();
  }

  @Override
  public List<NDArray> moments() {
    return adam.moments();
  }

  @Override
  public void restore(List<float[]> moments, int steps) {
    adam.restore(moments, steps);
  }
}

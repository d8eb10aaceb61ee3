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
import margins.network.LayerHook;

/**
 * The autoencoder phase: images to codes on the sphere, codes plus Gaussian noise back to images, with a pixel L1
 * and a multi-scale image-gradient L1 (edges at full, half and quarter side), which keeps outlines crisp where a
 * pixel loss alone would average them.
 */
final class AePhase implements PhaseStep {

  private final AutoEncoder ae;
  private final TrainingSet set;
  private final TwoStageConfig c;
  private final boolean flip;
  private final Adam adam;

  AePhase(AutoEncoder ae, TrainingSet set, TwoStageConfig c, boolean flip) {
    this.ae = ae;
    this.set = set;
    this.c = c;
    this.flip = flip;
    this.adam = new Adam(ae.parameters(), ae.manager());
  }

  @Override
  public String name() {
    return "ae";
  }

  @Override
  public int itemsPerStep() {
    return c.batch();
  }

  @Override
  public double[] step(int i, SplittableRandom rng) {
    int b = c.batch();
    int r = set.size();
    int l = c.ae().latent();
    float[] xs = set.batch(set.draw(b, rng), rng, flip);
    float[] noise = codeNoise(rng, b, c);
    // Linear decay to 0 over the last 30% of the phase.
    double lr = c.lr() * Math.min(1.0, (1.0 - i / (double) c.aeSteps()) / 0.3);
    NDManager m = ae.manager();
    try (NDScope scope = new NDScope()) {
      NDArray x = m.create(xs, new Shape(b, 3, r, r)); // (B, 3, R, R)
      NDArray e = m.create(noise, new Shape(b, l)); // (B, L)
      NDArray gradWeight = m.create((float) c.gradWeight()); // lives until backward (see Training.step)
      double[] out = new double[4];
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        gc.zeroGradients();
        NDArray y = ae.logits(ae.encode(x, true).add(e), true, LayerHook.NONE); // (B, 3, R, R)
        NDArray pixel = y.sub(x).abs().mean();
        NDArray edges = gradientL1(y.sub(x), 3);
        NDArray total = pixel.add(edges.mul(gradWeight));
        gc.backward(total);
        out[0] = total.getFloat();
        out[1] = pixel.getFloat();
        out[2] = edges.getFloat();
      }
      out[3] = adam.gradNorm();
      if (Guards.finite(out)) {
        adam.step(lr, c.gradClip(), out[3]);
      }
      return out;
    }
  }

  /**
   * Mean |finite difference| of an error image (B, C, H, W) across and down, at `scales` sides halved each time by
   * 2x2 averaging: the L1 between the two images' gradients, since differences are linear.
   */
  static NDArray gradientL1(NDArray err, int scales) {
    NDArray sum = null;
    NDArray e = err;
    for (int s = 0; s < scales; s++) {
      long[] d = e.getShape().getShape();
      NDArray dx = e.get(":, :, :, 1:").sub(e.get(":, :, :, 0:" + (d[3] - 1))); // (B, C, H, W-1)
      NDArray dy = e.get(":, :, 1:, :").sub(e.get(":, :, 0:" + (d[2] - 1) + ", :")); // (B, C, H-1, W)
      NDArray term = dx.abs().mean().add(dy.abs().mean());
      sum = sum == null ? term : sum.add(term);
      if (s + 1 < scales) {
        e = e.reshape(d[0], d[1], d[2] / 2, 2, d[3] / 2, 2).mean(new int[] {5}).mean(new int[] {3}); // (B, C, H/2, W/2)
      }
    }
    return sum;
  }

  /** The noise codes are decoded through, (B, L), drawn after the batch from the step's own stream. */
  static float[] codeNoise(SplittableRandom rng, int b, TwoStageConfig c) {
    float[] noise = new float[b * c.ae().latent()];
    for (int k = 0; k < noise.length; k++) {
      noise[k] = (float) (rng.nextGaussian() * c.ae().codeNoise());
    }
    return noise;
  }

  @Override
  public List<Parameter> parameters() {
    return ae.parameters();
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

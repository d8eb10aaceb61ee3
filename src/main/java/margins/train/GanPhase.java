package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.archive.TrainingSet;
import margins.engine.Engines;
import margins.network.AutoEncoder;
import margins.network.LayerHook;
import margins.network.PatchCritic;

/**
 * The adversarial fine-tune: the decoder alone (the encoder, and so the codes, stay fixed) against a patch critic with
 * hinge losses, both seeing images through DiffAugment (colour and translation). Half the fakes decode codes mixed
 * between archive codes, so the critic judges the new codes dreams will come from, not only reconstructions.
 */
final class GanPhase implements PhaseStep {

  /** How far toward another archive code a mixed code may move (uniform in [0, MIX)). */
  private static final double MIX = 0.5;

  private final AutoEncoder ae;
  private final PatchCritic critic;
  private final TrainingSet set;
  private final TwoStageConfig c;
  private final boolean flip;
  private final Adam decoderAdam;
  private final Adam criticAdam;

  GanPhase(AutoEncoder ae, PatchCritic critic, TrainingSet set, TwoStageConfig c, boolean flip) {
    this.ae = ae;
    this.critic = critic;
    this.set = set;
    this.c = c;
    this.flip = flip;
    this.decoderAdam = new Adam(ae.decoderParameters(), ae.manager(), 0.5, 0.99);
    this.criticAdam = new Adam(critic.parameters(), critic.manager(), 0.5, 0.99);
  }

  @Override
  public String name() {
    return "gan";
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
    float[] noise = AePhase.codeNoise(rng, b, c);
    NDManager m = ae.manager();
    try (NDScope scope = new NDScope()) {
      NDArray x = m.create(xs, new Shape(b, 3, r, r)); // (B, 3, R, R)
      // Outside a gradient collector no graph is recorded: the codes are constants of this phase.
      float[] z = ae.encode(x, false).toFloatArray(); // (B, L)
      NDArray codes = m.create(z, new Shape(b, l)).add(m.create(noise, new Shape(b, l)));
      NDArray mixed = m.create(mix(z, b, l, rng), new Shape(b, l));
      NDArray one = m.create(1f);
      NDArray gradWeight = m.create((float) c.gradWeight());
      NDArray advWeight = m.create((float) c.advWeight());
      Augment realD = new Augment(rng, b, r);
      Augment fakeD = new Augment(rng, 2 * b, r);
      Augment fakeG = new Augment(rng, 2 * b, r);
      double[] out = new double[4];
      NDArray y;
      NDArray fakes;
      // The fakes are decoded once, with their graph: the critic's step sees them detached, the decoder's step
      // backpropagates through them after the critic has moved (the decoder has not moved in between).
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        gc.zeroGradients();
        y = ae.logits(codes, true, LayerHook.NONE); // (B, 3, R, R)
        fakes = y.concat(ae.logits(mixed, true, LayerHook.NONE), 0); // (2B, 3, R, R)
        NDArray real = Activation.relu(one.sub(critic.logits(realD.apply(x), true))).mean();
        NDArray fake = Activation.relu(one.add(critic.logits(fakeD.apply(fakes.stopGradient()), true))).mean();
        NDArray loss = real.add(fake);
        gc.backward(loss);
        out[2] = loss.getFloat();
      }
      criticAdam.step(c.ganLr(), 0, criticAdam.gradNorm());
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        gc.zeroGradients();
        NDArray pixel = y.sub(x).abs().mean();
        NDArray recon = pixel.add(AePhase.gradientL1(y.sub(x), 3).mul(gradWeight));
        NDArray adv = critic.logits(fakeG.apply(fakes), true).mean();
        NDArray total = recon.sub(adv.mul(advWeight));
        gc.backward(total);
        out[0] = total.getFloat();
        out[1] = pixel.getFloat();
      }
      out[3] = decoderAdam.gradNorm();
      if (Guards.finite(out)) {
        decoderAdam.step(c.ganLr(), 0, out[3]);
      }
      return out;
    }
  }

  /** Each code moved toward another of the batch by a uniform fraction below MIX, back on the sphere; (B, L). */
  private static float[] mix(float[] z, int b, int l, SplittableRandom rng) {
    float[] out = new float[b * l];
    for (int k = 0; k < b; k++) {
      int other = rng.nextInt(b);
      double lam = rng.nextDouble() * MIX;
      double sq = 0;
      for (int j = 0; j < l; j++) {
        double v = (1 - lam) * z[k * l + j] + lam * z[other * l + j];
        out[k * l + j] = (float) v;
        sq += v * v;
      }
      float scale = (float) (1 / Math.sqrt(sq / l + 1e-8));
      for (int j = 0; j < l; j++) {
        out[k * l + j] *= scale;
      }
    }
    return out;
  }

  /**
   * DiffAugment's draws for one batch: brightness, saturation and contrast per image, one translation (up to an
   * eighth of the side, zeros shifted in) for all; the same differentiable ops on real and fake images.
   */
  private static final class Augment {
    private final float[] brightness;
    private final float[] saturation;
    private final float[] contrast;
    private final int dy;
    private final int dx;
    private final int b;

    Augment(SplittableRandom rng, int b, int r) {
      this.b = b;
      brightness = new float[b];
      saturation = new float[b];
      contrast = new float[b];
      for (int k = 0; k < b; k++) {
        brightness[k] = (float) (rng.nextDouble() - 0.5);
        saturation[k] = (float) (rng.nextDouble() * 2);
        contrast[k] = (float) (rng.nextDouble() + 0.5);
      }
      int shift = r / 8;
      dy = rng.nextInt(2 * shift + 1) - shift;
      dx = rng.nextInt(2 * shift + 1) - shift;
    }

    NDArray apply(NDArray x) { // (B, 3, R, R)
      NDManager m = x.getManager();
      Shape per = new Shape(b, 1, 1, 1);
      NDArray h = x.add(m.create(brightness, per));
      NDArray mean = h.mean(new int[] {1}, true); // (B, 1, R, R)
      h = h.sub(mean).mul(m.create(saturation, per)).add(mean);
      NDArray all = h.mean(new int[] {1}, true).mean(new int[] {2}, true).mean(new int[] {3}, true); // (B, 1, 1, 1)
      h = h.sub(all).mul(m.create(contrast, per)).add(all);
      return shift(shift(h, 2, dy), 3, dx);
    }

    /** x moved by d pixels along an axis (2 rows, 3 columns), zeros coming in at the edge. */
    private static NDArray shift(NDArray x, int axis, int d) {
      if (d == 0) {
        return x;
      }
      long[] s = x.getShape().getShape();
      long n = s[axis];
      long[] zs = s.clone();
      zs[axis] = Math.abs(d);
      NDArray zeros = x.getManager().zeros(new Shape(zs), x.getDataType(), x.getDevice());
      String keep = d > 0 ? d + ":" : "0:" + (n + d);
      String index = axis == 2 ? ":, :, " + keep : ":, :, :, " + keep;
      NDArray kept = x.get(index);
      return NDArrays.concat(d > 0 ? new NDList(kept, zeros) : new NDList(zeros, kept), axis);
    }
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>(ae.decoderParameters());
    all.addAll(critic.parameters());
    return all;
  }

  @Override
  public List<NDArray> moments() {
    List<NDArray> all = new ArrayList<>(decoderAdam.moments());
    all.addAll(criticAdam.moments());
    return all;
  }

  @Override
  public void restore(List<float[]> moments, int steps) {
    int d = decoderAdam.moments().size();
    decoderAdam.restore(moments.subList(0, d), steps);
    criticAdam.restore(moments.subList(d, moments.size()), steps);
  }
}

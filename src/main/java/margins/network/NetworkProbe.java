package margins.network;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.engine.Engines;
import margins.engine.SelfCheck;

/**
 * The network's own forward and backward pass, on fixed weights and inputs, as the engine's self-check runs it:
 * every convolution shape training uses, in each direction (forward, input gradient, weight gradient).
 */
public final class NetworkProbe implements SelfCheck.Workload {

  private static final long SEED = 0x5E1FC4EC;

  private final Generative vae;
  private final String key;
  private final int batch;
  private final float[] images;
  private final float[] outputWeights;
  private final float[] codeWeights;

  private NetworkProbe(Generative vae, String key, int batch) {
    this.vae = vae;
    this.key = key + " b" + batch;
    this.batch = batch;
    int r = vae.config().resolution();
    SplittableRandom rng = new SplittableRandom(SEED);
    this.images = uniforms(rng, batch * 3 * r * r);
    this.outputWeights = gaussians(rng, batch * 3 * r * r, 1);
    this.codeWeights = gaussians(rng, batch * vae.config().latent() * 2, 1);
  }

  /** A probe of the network with this architecture, at a small batch (the kernels chosen depend on it a little). */
  public static NetworkProbe of(VaeConfig config, int batch, Device device) {
    return new NetworkProbe(Vae.create(config, device, SEED), "vae r" + config.resolution() + " l" + config.latent()
        + " w" + config.width() + " c" + config.maxChannels(), batch);
  }

  /** A probe of the two-stage model's autoencoder with this architecture (the flow has no convolutions). */
  public static NetworkProbe of(AeConfig config, int batch, Device device) {
    return new NetworkProbe(AutoEncoder.create(config, device, SEED), "ae r" + config.resolution() + " l"
        + config.latent() + " w" + config.width() + " c" + config.maxChannels() + " t" + config.top(), batch);
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public List<float[]> run() {
    int r = vae.config().resolution();
    int l = vae.config().latent();
    List<float[]> out = new ArrayList<>();
    try (NDManager m = vae.manager().newSubManager()) {
      NDArray x = m.create(images, new Shape(batch, 3, r, r)); // (B, 3, R, R)
      NDArray wOut = m.create(outputWeights, new Shape(batch, 3, r, r));
      NDArray wCode = m.create(codeWeights, new Shape(batch, 2 * l));
      try (GradientCollector gc = Engines.engine().newGradientCollector()) {
        gc.zeroGradients();
        NDList post = vae.posterior(x, true); // (B, L) twice
        NDArray code = post.get(0).concat(post.get(1), 1); // (B, 2L)
        NDArray logits = vae.logits(post.get(0), true, LayerHook.NONE); // (B, 3, R, R)
        // A loss whose gradient reaches every weight and every stage's input: fixed random weights on both ends.
        NDArray loss = logits.mul(wOut).sum().add(code.mul(wCode).sum());
        gc.backward(loss);
        out.add(logits.toFloatArray());
      }
      for (Parameter p : vae.parameters()) {
        out.add(p.getArray().getGradient().toFloatArray());
      }
    }
    return out;
  }

  @Override
  public void close() {
    vae.close();
  }

  private static float[] gaussians(SplittableRandom rng, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextGaussian() * scale);
    }
    return v;
  }

  private static float[] uniforms(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble();
    }
    return v;
  }
}

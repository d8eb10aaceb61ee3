package margins.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A convolutional VAE: its two stages, their parameters, and the encode and decode calls exploration uses. */
public final class Vae implements Generative {

  private final VaeConfig config;
  private final NDManager manager;
  private final Encoder encoder;
  private final Decoder decoder;
  private final ParameterStore store;

  private Vae(VaeConfig config, NDManager manager, long seed) {
    this.config = config;
    this.manager = manager;
    this.encoder = new Encoder(config);
    this.decoder = new Decoder(config);
    // PyTorch's default (uniform, bound 1/sqrt(fan_in)) rather than DJL's He-normal: He-normal starts
    // the logits far from zero, with first losses ~3x higher and the occasional early blow-up at 64x64.
    Initializer init = new SeededInit(seed);
    encoder.setInitializer(init, Parameter.Type.WEIGHT);
    decoder.setInitializer(init, Parameter.Type.WEIGHT);
    int r = config.resolution();
    encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, r, r));
    decoder.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
    this.store = new ParameterStore(manager, false);
  }

  /** A new network with weights drawn from the seed, on the given device. */
  public static Vae create(VaeConfig config, Device device, long seed) {
    return new Vae(config, NDManager.newBaseManager(device), seed);
  }

  /**
   * Stops recording gradients: generation then builds no autograd graph, which at 64x64 is several times faster
   * and holds no activations. Training turns them back on.
   */
  @Override
  public Vae forGeneration() {
    parameters().forEach(p -> p.getArray().setRequiresGradient(false));
    decoder.freeze(true);
    return this;
  }

  /** Records gradients again, for weights that training is about to change. */
  public Vae forTraining() {
    decoder.freeze(false);
    parameters().forEach(p -> p.getArray().setRequiresGradient(true));
    return this;
  }

  @Override
  public VaeConfig config() {
    return config;
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  public Encoder encoder() {
    return encoder;
  }

  @Override
  public List<String> stageNames() {
    return decoder.stageNames();
  }

  public Decoder decoder() {
    return decoder;
  }

  public ParameterStore store() {
    return store;
  }

  /** Every trainable parameter, encoder first, in a fixed order (the order checkpoints store them in). */
  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    for (Pair<String, Parameter> p : encoder.getParameters()) {
      all.add(p.getValue());
    }
    for (Pair<String, Parameter> p : decoder.getParameters()) {
      all.add(p.getValue());
    }
    return all;
  }

  /** The posterior's mean and log-variance, each (B, latent), for images (B, 3, R, R) in [0, 1]. */
  @Override
  public NDList posterior(NDArray images, boolean training) {
    NDArray h = encoder.forward(store, new NDList(images), training).singletonOrThrow(); // (B, 2L)
    int l = config.latent();
    NDArray mu = h.get(":, 0:" + l);
    // Clamped: an unbounded log-variance is the usual way a VAE's loss turns into NaN.
    NDArray logVar = h.get(":, " + l + ":").clip(-12f, 8f);
    return new NDList(mu, logVar);
  }

  /** Decoder logits (B, 3, R, R) for latents (B, latent), each stage passed through the hook. */
  @Override
  public NDArray logits(NDArray z, boolean training, LayerHook hook) {
    return decoder.decode(store, z, training, hook);
  }

  /** Images (B, 3, R, R) in [0, 1] for latents (B, latent), at generation time. */
  @Override
  public NDArray decode(NDArray z, LayerHook hook) {
    return Activation.sigmoid(logits(z, false, hook));
  }

  public void saveParameters(DataOutputStream out) throws IOException {
    encoder.saveParameters(out);
    decoder.saveParameters(out);
  }

  public void loadParameters(DataInputStream in) throws IOException, MalformedModelException {
    encoder.loadParameters(manager, in);
    decoder.loadParameters(manager, in);
  }

  @Override
  public void close() {
    manager.close();
  }
}

package margins.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sharp autoencoder, first stage of the two-stage model: images to codes on a sphere and back, trained so that
 * codes near and between archive codes decode to crisp images. A learned density over its codes (the second stage,
 * {@link FlowNet}) is what dreams are drawn from.
 */
public final class AutoEncoder implements Generative {

  private final AeConfig config;
  private final NDManager manager;
  private final AeEncoder encoder;
  private final AeDecoder decoder;
  private final ParameterStore store;

  private AutoEncoder(AeConfig config, NDManager manager, long seed) {
    this.config = config;
    this.manager = manager;
    this.encoder = new AeEncoder(config);
    this.decoder = new AeDecoder(config);
    SeededInit init = new SeededInit(seed);
    encoder.setInitializer(init, Parameter.Type.WEIGHT);
    decoder.setInitializer(init, Parameter.Type.WEIGHT);
    int r = config.resolution();
    encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, r, r));
    decoder.initialize(manager, DataType.FLOAT32, new Shape(1, config.latent()));
    this.store = new ParameterStore(manager, false);
  }

  /** A new autoencoder with weights drawn from the seed, on the given device. */
  public static AutoEncoder create(AeConfig config, Device device, long seed) {
    return new AutoEncoder(config, NDManager.newBaseManager(device), seed);
  }

  @Override
  public AeConfig config() {
    return config;
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public List<String> stageNames() {
    return decoder.stageNames();
  }

  /** Codes (B, L) on the sphere of radius sqrt(L), for images (B, 3, R, R) in [0, 1]. */
  public NDArray encode(NDArray images, boolean training) {
    return encoder.forward(store, new NDList(images), training).singletonOrThrow();
  }

  /** The codes, and as log-variance that of the noise the decoder learned to decode through. */
  @Override
  public NDList posterior(NDArray images, boolean training) {
    NDArray z = encode(images, training);
    double sigma = Math.max(config.codeNoise(), 1e-3);
    return new NDList(z, z.zerosLike().add((float) Math.log(sigma * sigma)));
  }

  @Override
  public NDArray logits(NDArray z, boolean training, LayerHook hook) {
    return decoder.decode(store, z, training, hook);
  }

  @Override
  public NDArray decode(NDArray z, LayerHook hook) {
    return logits(z, false, hook).clip(0f, 1f);
  }

  /** The encoder's parameters, in checkpoint order. */
  public List<Parameter> encoderParameters() {
    List<Parameter> all = new ArrayList<>();
    encoder.getParameters().forEach(p -> all.add(p.getValue()));
    return all;
  }

  /** The decoder's parameters, in checkpoint order (what the adversarial stage trains). */
  public List<Parameter> decoderParameters() {
    List<Parameter> all = new ArrayList<>();
    decoder.getParameters().forEach(p -> all.add(p.getValue()));
    return all;
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = encoderParameters();
    all.addAll(decoderParameters());
    return all;
  }

  @Override
  public AutoEncoder forGeneration() {
    parameters().forEach(p -> p.getArray().setRequiresGradient(false));
    decoder.freeze(true);
    return this;
  }

  /** Records gradients again, for weights that training is about to change. */
  public AutoEncoder forTraining() {
    decoder.freeze(false);
    parameters().forEach(p -> p.getArray().setRequiresGradient(true));
    return this;
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

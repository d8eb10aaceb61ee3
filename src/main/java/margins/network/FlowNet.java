package margins.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The velocity field of the flow over standardised codes: v(x, t) for x (B, L) and t (B, 1), an MLP on
 * [x, t, sin(k pi t), cos(k pi t)] with SiLU activations. Flow matching trains it toward x1 - x0 along straight
 * lines from noise x0 to codes x1; dreams integrate it from noise.
 */
public final class FlowNet implements AutoCloseable {

  private final FlowConfig config;
  private final NDManager manager;
  private final List<Block> layers = new ArrayList<>();
  private final ParameterStore store;
  private final NDArray frequencies;

  private FlowNet(FlowConfig config, NDManager manager, long seed) {
    this.config = config;
    this.manager = manager;
    SeededInit init = new SeededInit(seed);
    Shape in = new Shape(1, config.latent() + 1 + 2L * config.frequencies());
    for (int i = 0; i <= config.layers(); i++) {
      Block b = Stages.linear(i < config.layers() ? config.hidden() : config.latent());
      b.setInitializer(init, Parameter.Type.WEIGHT);
      b.initialize(manager, DataType.FLOAT32, in);
      in = b.getOutputShapes(new Shape[] {in})[0];
      layers.add(b);
    }
    float[] f = new float[config.frequencies()];
    for (int k = 0; k < f.length; k++) {
      f[k] = (float) ((k + 1) * Math.PI);
    }
    this.frequencies = manager.create(f, new Shape(1, f.length)); // lives with the net: the backward pass keeps it
    this.store = new ParameterStore(manager, false);
  }

  /** A velocity field with weights drawn from the seed. */
  public static FlowNet create(FlowConfig config, Device device, long seed) {
    return new FlowNet(config, NDManager.newBaseManager(device), seed);
  }

  public FlowConfig config() {
    return config;
  }

  public NDManager manager() {
    return manager;
  }

  /** The velocity (B, L) at codes x (B, L) and times t (B, 1). */
  public NDArray velocity(NDArray x, NDArray t, boolean training) {
    NDArray ft = t.mul(frequencies); // (B, K)
    NDArray h = NDArrays.concat(new NDList(x, t, ft.sin(), ft.cos()), 1); // (B, L + 1 + 2K)
    for (int i = 0; i < layers.size(); i++) {
      h = layers.get(i).forward(store, new NDList(h), training).singletonOrThrow();
      if (i < layers.size() - 1) {
        h = h.mul(Activation.sigmoid(h)); // SiLU, from array ops alone
      }
    }
    return h;
  }

  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    for (Block b : layers) {
      b.getParameters().forEach(p -> all.add(p.getValue()));
    }
    return all;
  }

  /** Stops recording gradients, for dreaming. */
  public FlowNet forGeneration() {
    parameters().forEach(p -> p.getArray().setRequiresGradient(false));
    return this;
  }

  /** Records gradients again, for weights loaded from a checkpoint that training continues. */
  public FlowNet forTraining() {
    parameters().forEach(p -> p.getArray().setRequiresGradient(true));
    return this;
  }

  public void saveParameters(DataOutputStream out) throws IOException {
    for (Block b : layers) {
      b.saveParameters(out);
    }
  }

  public void loadParameters(DataInputStream in) throws IOException, MalformedModelException {
    for (Block b : layers) {
      b.loadParameters(manager, in);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}

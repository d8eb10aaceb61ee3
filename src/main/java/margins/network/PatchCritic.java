package margins.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The critic of the adversarial stage: 4x4 stride-2 convolutions down to 8x8, then two 3x3 convolutions to one
 * logit per patch (B, 1, 8, 8), each saying how much its patch looks like the archive. Used in training only.
 */
public final class PatchCritic implements AutoCloseable {

  private final NDManager manager;
  private final SequentialBlock net = new SequentialBlock();
  private final ParameterStore store;
  private final NDArray two;

  private PatchCritic(int resolution, NDManager manager, long seed) {
    this.manager = manager;
    int c = 32;
    int ch = 3;
    for (int side = resolution; side > 8; side /= 2) {
      net.add(Stages.conv(c, 4, 2, 1)).add(Stages.leaky());
      ch = c;
      c = Math.min(c * 2, 128);
    }
    net.add(Stages.conv(ch, 3, 1, 1)).add(Stages.leaky()).add(new PaddedConv(1, 3, 1, 1));
    net.setInitializer(new SeededInit(seed), Parameter.Type.WEIGHT);
    net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, resolution, resolution));
    this.store = new ParameterStore(manager, false);
    // Lives as long as the critic: the backward pass through fakes keeps it (see AeEncoder).
    this.two = manager.create(2f);
  }

  /** A critic for images of this side, weights drawn from the seed. */
  public static PatchCritic create(int resolution, Device device, long seed) {
    return new PatchCritic(resolution, NDManager.newBaseManager(device), seed);
  }

  /** Patch logits (B, 1, 8, 8) for images (B, 3, R, R) in [0, 1]. */
  public NDArray logits(NDArray images, boolean training) {
    return net.forward(store, new NDList(images.mul(two).sub(1f)), training).singletonOrThrow();
  }

  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    net.getParameters().forEach(p -> all.add(p.getValue()));
    return all;
  }

  public NDManager manager() {
    return manager;
  }

  /** Records gradients again, for weights loaded from a checkpoint that training continues. */
  public PatchCritic forTraining() {
    parameters().forEach(p -> p.getArray().setRequiresGradient(true));
    return this;
  }

  public void saveParameters(DataOutputStream out) throws IOException {
    net.saveParameters(out);
  }

  public void loadParameters(DataInputStream in) throws IOException, MalformedModelException {
    net.loadParameters(manager, in);
  }

  @Override
  public void close() {
    manager.close();
  }
}

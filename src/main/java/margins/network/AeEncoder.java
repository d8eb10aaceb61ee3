package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The autoencoder's encoder: an image (B, 3, R, R) in [0, 1], moved to [-1, 1] and folded 2x2 into channels
 * (B, 12, R/2, R/2), a 3x3 convolution, 4x4 stride-2 convolutions down to 4x4, and a linear layer to a code (B, L)
 * on the sphere of radius sqrt(L): every code has the same scale, so the noise it is decoded through means the same.
 */
final class AeEncoder extends AbstractBlock {

  private static final byte VERSION = 1;

  private final List<Block> convs = new ArrayList<>();
  private final Block code;
  private final int latent;
  private NDArray two;

  AeEncoder(AeConfig c) {
    super(VERSION);
    List<Integer> ch = c.encoderChannels();
    convs.add(addChildBlock("in", Stages.conv(ch.get(0), 3, 1, 1)));
    for (int i = 1; i < ch.size(); i++) {
      convs.add(addChildBlock("down" + i, Stages.conv(ch.get(i), 4, 2, 1)));
    }
    code = addChildBlock("code", Stages.linear(c.latent()));
    latent = c.latent();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (B, 3, R, R)
    NDArray h = Shuffle.toDepth(x.mul(two).sub(1f)); // (B, 12, R/2, R/2) in [-1, 1]
    for (Block conv : convs) {
      h = Activation.leakyRelu(conv.forward(ps, new NDList(h), training).singletonOrThrow(), Stages.SLOPE);
    }
    NDArray z = code.forward(ps, new NDList(h.reshape(h.getShape().get(0), -1)), training).singletonOrThrow();
    return new NDList(sphere(z));
  }

  /** z scaled to unit root-mean-square, so |z| = sqrt(L); (B, L). Built from array ops only (see Consts). */
  static NDArray sphere(NDArray z) {
    NDArray rms = z.square().mean(new int[] {1}, true).add(1e-8f).sqrt(); // (B, 1)
    return z.div(rms);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // A constant the backward pass keeps: it must live as long as the network (a scalar overload would free it).
    two = manager.create(2f);
    Shape s = inputShapes[0];
    Shape h = new Shape(s.get(0), 12, s.get(2) / 2, s.get(3) / 2);
    for (Block conv : convs) {
      conv.initialize(manager, dataType, h);
      h = conv.getOutputShapes(new Shape[] {h})[0];
    }
    code.initialize(manager, dataType, new Shape(h.get(0), h.size() / h.get(0)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), latent)};
  }
}

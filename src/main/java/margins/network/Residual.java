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

/** A residual block, x + 0.5 * conv(lrelu(conv(lrelu(x)))), two 3x3 convolutions that keep the channels. */
final class Residual extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Block first;
  private final Block second;
  private NDArray half;

  Residual(int channels) {
    super(VERSION);
    this.first = addChildBlock("first", Stages.conv(channels, 3, 1, 1));
    this.second = addChildBlock("second", Stages.conv(channels, 3, 1, 1));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (B, C, H, W)
    NDArray h = first.forward(ps, new NDList(Activation.leakyRelu(x, Stages.SLOPE)), training).singletonOrThrow();
    h = second.forward(ps, new NDList(Activation.leakyRelu(h, Stages.SLOPE)), training).singletonOrThrow();
    return new NDList(x.add(h.mul(half)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // A constant the backward pass keeps: it must live as long as the block (a scalar overload would free it).
    half = manager.create(0.5f);
    first.initialize(manager, dataType, inputShapes);
    second.initialize(manager, dataType, inputShapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return inputs;
  }
}

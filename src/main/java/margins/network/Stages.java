package margins.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/** The small building blocks both halves of the VAE are made of. */
final class Stages {

  static final float SLOPE = 0.2f;

  private Stages() {}

  static Block conv(int filters, int kernel, int stride, int pad) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .build();
  }

  static Block linear(long units) {
    return Linear.builder().setUnits(units).build();
  }

  static Block leaky() {
    return new LambdaBlock(l -> new NDList(Activation.leakyRelu(l.singletonOrThrow(), SLOPE)), "leaky");
  }

  static Block reshape(int channels, int side) {
    return new LambdaBlock(
        l -> new NDList(l.singletonOrThrow().reshape(-1, channels, side, side)), "reshape");
  }

  static SequentialBlock seq(Block... blocks) {
    SequentialBlock b = new SequentialBlock();
    for (Block block : blocks) {
      b.add(block);
    }
    return b;
  }

  static Block flatten() {
    return Blocks.batchFlattenBlock();
  }
}

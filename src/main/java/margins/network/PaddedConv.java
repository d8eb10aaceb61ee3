package margins.network;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution whose output channels are computed in whole blocks of 16 (zero kernels added, their maps dropped):
 * for the few convolutions with 1 or 3 outputs. Same function and parameters as a plain convolution, but oneDNN
 * never pads its weights, whose unzeroed padding it read in the backward pass on some AMD guests (see UpConv).
 */
final class PaddedConv extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Conv2d conv;
  private final int filters;
  private final int stride;
  private final int pad;

  PaddedConv(int filters, int kernel, int stride, int pad) {
    super(VERSION);
    this.filters = filters;
    this.stride = stride;
    this.pad = pad;
    this.conv = addChildBlock("conv", (Conv2d) Stages.conv(filters, kernel, stride, pad));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (B, C, H, W)
    Device d = x.getDevice();
    NDArray w = ps.getValue(conv.getParameters().get("weight"), d, training); // (O, C, k, k)
    NDArray b = ps.getValue(conv.getParameters().get("bias"), d, training); // (O)
    long extra = (UpConv.BLOCK - filters % UpConv.BLOCK) % UpConv.BLOCK;
    if (extra > 0) {
      Shape ws = w.getShape();
      NDManager m = w.getManager();
      w = w.concat(m.zeros(new Shape(extra, ws.get(1), ws.get(2), ws.get(3)), w.getDataType(), d), 0);
      b = b.concat(m.zeros(new Shape(extra), b.getDataType(), d), 0);
    }
    NDArray y = Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1))
        .singletonOrThrow(); // (B, O + extra, H', W')
    return new NDList(extra > 0 ? y.get(":, 0:" + filters) : y);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    conv.initialize(manager, dataType, inputShapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return conv.getOutputShapes(inputs);
  }
}

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
 * Nearest 2x upsampling followed by a 3x3 convolution, (B, C, H, W) -> (B, O, 2H, 2W), computed without the
 * upsampled map: each of the four output phases (row parity a, column parity b) is a 3x3 convolution of the
 * low-resolution input whose kernel sums the original kernel's taps that fall on the same input pixel. One
 * convolution gives all four phases as 4*O channels, and a depth-to-space puts them in place. Same function,
 * same parameters (the child 3x3 convolution keeps them, and checkpoints are byte-compatible with the plain
 * upsample-then-convolve stage), but the 4x larger map is never written or read back, forward or backward.
 */
final class UpConv extends AbstractBlock {

  private static final byte VERSION = 1;

  /**
   * Row p of TAPS[a] says which of the kernel's three rows (dy = 0, 1, 2) land on input row offset p - 1 for
   * output row parity a: for even rows, dy 0 reads the row above and dy 1, 2 the row itself; for odd rows,
   * dy 0, 1 read the row itself and dy 2 the row below.
   */
  private static final float[][][] TAPS = {
    {{1, 0, 0}, {0, 1, 1}, {0, 0, 0}},
    {{0, 0, 0}, {1, 1, 0}, {0, 0, 1}},
  };

  /** (9, 36): a 3x3 kernel, flattened, to the four phase kernels (a, b, i, j), flattened. */
  private static final float[] PHASES = phases();

  /** Output channels of the phase convolution come in whole blocks of this many (AVX-512 holds 16 floats). */
  static final int BLOCK = 16;

  private final Conv2d conv;
  private final int filters;
  private NDList frozen;

  UpConv(int filters) {
    super(VERSION);
    this.filters = filters;
    this.conv = addChildBlock("conv", (Conv2d) Stages.conv(filters, 3, 1, 1));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (B, C, H, W)
    NDList kb = frozen;
    if (training || kb == null) {
      Device device = x.getDevice();
      kb = phaseKernels(
          ps.getValue(conv.getParameters().get("weight"), device, training),
          ps.getValue(conv.getParameters().get("bias"), device, training));
    }
    NDArray y = Conv2d.conv2d(x, kb.get(0), kb.get(1), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
        .singletonOrThrow(); // (B, P, H, W), P = O*4 rounded up to a whole block
    long o = filters;
    if (y.getShape().get(1) != o * 4) {
      y = y.get(":, 0:" + o * 4); // (B, O*4, H, W)
    }
    long[] s = y.getShape().getShape();
    // (B, O, 2, 2, H, W) -> (B, O, H, 2, W, 2) -> (B, O, 2H, 2W): phase (a, b) of pixel (i, j) goes to (2i+a, 2j+b).
    return new NDList(y.reshape(s[0], o, 2, 2, s[2], s[3])
        .transpose(0, 1, 4, 2, 5, 3)
        .reshape(s[0], o, s[2] * 2, s[3] * 2));
  }

  /**
   * The four phase kernels (P, C, 3, 3), output channel o*4 + a*2 + b, and their biases (P), where P is O*4
   * rounded up to a multiple of {@link #BLOCK} with zero kernels: oneDNN pads channel counts to its vector
   * block anyway, and with a padded count its backward pass reads padding lanes it never zeroed on some CPUs
   * (oneDNN 3.7 on AMD guests that report no cache sizes: wrong input gradients, then NaN). Whole blocks cost
   * nothing more and leave nothing to pad.
   */
  private static NDList phaseKernels(NDArray w, NDArray bias) {
    long o = w.getShape().get(0);
    long c = w.getShape().get(1);
    NDArray phases = w.getManager().create(PHASES, new Shape(9, 36)).toDevice(w.getDevice(), false);
    NDArray kernels = w.reshape(o * c, 9).dot(phases) // (O*C, 36)
        .reshape(o, c, 4, 3, 3)
        .transpose(0, 2, 1, 3, 4)
        .reshape(o * 4, c, 3, 3);
    NDArray b4 = bias.reshape(o, 1).broadcast(new Shape(o, 4)).reshape(o * 4);
    long pad = (BLOCK - o * 4 % BLOCK) % BLOCK;
    if (pad > 0) {
      kernels = kernels.concat(w.getManager().zeros(new Shape(pad, c, 3, 3), w.getDataType(), w.getDevice()), 0);
      b4 = b4.concat(w.getManager().zeros(new Shape(pad), w.getDataType(), w.getDevice()), 0);
    }
    return new NDList(kernels, b4);
  }

  /**
   * Computes the phase kernels once, for generation with weights that no longer change: otherwise each decoded
   * image would compute them again (a few MB per stage and image). Training forwards ignore them.
   */
  void freeze() {
    thaw();
    frozen = phaseKernels(
        conv.getParameters().get("weight").getArray(), conv.getParameters().get("bias").getArray());
  }

  /** Forgets the frozen kernels: the weights are about to change. */
  void thaw() {
    if (frozen != null) {
      frozen.close();
      frozen = null;
    }
  }

  /** How many output channels the frozen phase convolution computes (its kernels' count), or 0 when thawed. */
  long phaseChannels() {
    return frozen == null ? 0 : frozen.get(0).getShape().get(0);
  }

  /** The 3x3 convolution that holds the weights, as if it ran on the upsampled map. */
  Conv2d convolution() {
    return conv;
  }

  private static float[] phases() {
    float[] t = new float[9 * 36];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
              for (int l = 0; l < 3; l++) {
                t[(k * 3 + l) * 36 + (a * 2 + b) * 9 + i * 3 + j] = TAPS[a][i][k] * TAPS[b][j][l];
              }
            }
          }
        }
      }
    }
    return t;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    conv.initialize(manager, dataType, inputShapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape s = inputs[0];
    return new Shape[] {new Shape(s.get(0), filters, s.get(2) * 2, s.get(3) * 2)};
  }
}

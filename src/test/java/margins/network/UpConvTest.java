package margins.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import margins.engine.Engines;
import margins.engine.Libtorch;
import margins.engine.SelfCheck;
import org.junit.jupiter.api.Test;

class UpConvTest {

  @Test
  void givesWhatUpsamplingThenConvolvingGives() {
    Engines.engine();
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(7);
      UpConv block = new UpConv(5);
      block.initialize(m, DataType.FLOAT32, new Shape(2, 3, 4, 6));
      NDArray bias = block.convolution().getParameters().get("bias").getArray();
      bias.set(m.randomNormal(bias.getShape()).toFloatArray());
      NDArray x = m.randomNormal(new Shape(2, 3, 4, 6));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray fast = block.forward(ps, new NDList(x), false).singletonOrThrow();

      NDArray up = x.getNDArrayInternal().interpolation(new long[] {8, 12}, 0, false); // (2, 3, 8, 12)
      NDArray w = block.convolution().getParameters().get("weight").getArray();
      NDArray plain = Conv2d.conv2d(up, w, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();

      assertEquals(new Shape(2, 5, 8, 12), fast.getShape());
      assertEquals(plain.getShape(), fast.getShape());
      float gap = plain.sub(fast).abs().max().getFloat();
      assertTrue(gap < 1e-5f, "largest difference " + gap);
    }
  }

  @Test
  void frozenKernelsGiveTheSameBitsAndAreForgottenWhenThawed() {
    Engines.engine();
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(3);
      UpConv block = new UpConv(4);
      block.initialize(m, DataType.FLOAT32, new Shape(1, 2, 3, 3));
      NDArray x = m.randomNormal(new Shape(1, 2, 3, 3));
      ParameterStore ps = new ParameterStore(m, false);
      float[] fresh = block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      block.freeze();
      assertArrayEquals(fresh, block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray());

      NDArray w = block.convolution().getParameters().get("weight").getArray();
      block.thaw();
      w.muli(2);
      float[] doubled = block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      assertTrue(Math.abs(doubled[0] - fresh[0]) > 1e-6f, "the new weights are used after a thaw");
    }
  }

  @Test
  void anRgbStageGivesTheGradientsOfUpsamplingThenConvolvingOnThisCpusFastPath() {
    // Three filters make 12 phase channels: oneDNN 3.7.1 computed this input gradient from unzeroed padding on
    // AMD guests without cache sizes. The stage computes whole blocks of 16 instead; this holds it to that.
    Libtorch torch = Libtorch.loaded().orElseThrow();
    boolean was = torch.oneDnn();
    torch.oneDnn(true);
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(5);
      UpConv block = new UpConv(3);
      block.initialize(m, DataType.FLOAT32, new Shape(8, 32, 16, 16));
      NDArray w = block.convolution().getParameters().get("weight").getArray();
      NDArray bias = block.convolution().getParameters().get("bias").getArray();
      NDArray x = m.randomNormal(new Shape(8, 32, 16, 16)); // (B, C, H, W)
      NDArray g = m.randomNormal(new Shape(8, 3, 32, 32)); // a fixed gradient on the output
      ParameterStore ps = new ParameterStore(m, false);
      float[][] fast = gradients(x, g, w, xs -> block.forward(ps, new NDList(xs), true).singletonOrThrow());
      torch.oneDnn(false); // the reference: ATen's own convolution, which has no padding to forget
      float[][] plain = gradients(x, g, w, xs -> Conv2d.conv2d(
          xs.getNDArrayInternal().interpolation(new long[] {32, 32}, 0, false), w, bias,
          new Shape(1, 1), new Shape(1, 1), new Shape(1, 1)).singletonOrThrow());
      for (int i = 0; i < 2; i++) {
        double err = SelfCheck.error(java.util.List.of(fast[i]), java.util.List.of(plain[i]));
        assertTrue(err < 1e-5, (i == 0 ? "input" : "weight") + " gradient differs by " + err);
      }
    } finally {
      torch.oneDnn(was);
    }
  }

  /** The input's and the weight's gradients of sum(f(x) * g), computed on memory poisoned just before. */
  private static float[][] gradients(NDArray x0, NDArray g, NDArray w, java.util.function.UnaryOperator<NDArray> f) {
    NDArray x = x0.duplicate();
    x.setRequiresGradient(true);
    SelfCheck.poison(Float.NaN);
    try (GradientCollector gc = x.getManager().getEngine().newGradientCollector()) {
      gc.zeroGradients();
      gc.backward(f.apply(x).mul(g).sum());
    }
    return new float[][] {x.getGradient().toFloatArray(), w.getGradient().toFloatArray()};
  }

  @Test
  void phaseChannelsComeInWholeBlocks() {
    assertEquals(0, 16 % UpConv.BLOCK, "a block is a whole number of AVX-512 lanes");
    try (NDManager m = NDManager.newBaseManager()) {
      for (int filters : new int[] {3, 4, 5}) {
        UpConv block = new UpConv(filters);
        block.initialize(m, DataType.FLOAT32, new Shape(1, 2, 3, 3));
        block.freeze();
        assertEquals(0, block.phaseChannels() % UpConv.BLOCK, filters + " filters");
        assertTrue(block.phaseChannels() >= 4L * filters && block.phaseChannels() < 4L * filters + UpConv.BLOCK);
        NDArray y = block.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 2, 3, 3))), false)
            .singletonOrThrow();
        assertEquals(new Shape(1, filters, 6, 6), y.getShape(), "the padding never reaches the output");
      }
    }
  }

  @Test
  void reportsItsOutputShape() {
    assertEquals(
        new Shape(4, 7, 16, 16), new UpConv(7).getOutputShapes(new Shape[] {new Shape(4, 3, 8, 8)})[0]);
  }
}

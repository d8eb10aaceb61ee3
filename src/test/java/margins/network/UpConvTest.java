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
import ai.djl.training.ParameterStore;
import margins.engine.Engines;
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
  void reportsItsOutputShape() {
    assertEquals(
        new Shape(4, 7, 16, 16), new UpConv(7).getOutputShapes(new Shape[] {new Shape(4, 3, 8, 8)})[0]);
  }
}

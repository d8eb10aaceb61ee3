package margins.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import margins.engine.Engines;
import org.junit.jupiter.api.Test;

class UpsampleTest {

  @Test
  void eachValueBecomesATwoByTwoBlock() {
    Engines.engine();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      float[] expected = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
      assertArrayEquals(expected, Upsample.broadcast(x).toFloatArray());
      assertEquals(new Shape(1, 1, 4, 4), Upsample.broadcast(x).getShape());
    }
  }

  @Test
  void theTrainingAndGenerationPathsGiveTheSameBits() {
    Engines.engine();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(3, 5, 4, 6));
      assertArrayEquals(Upsample.interpolate(x).toFloatArray(), Upsample.broadcast(x).toFloatArray());
    }
  }
}

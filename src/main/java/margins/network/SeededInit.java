package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * PyTorch's default weight initialisation (uniform within 1/sqrt(fan-in)), drawn from the run's own seeded
 * generator rather than the engine's global one: the same seed gives the same weights whatever else used the
 * engine before, and a 64-bit seed is used whole.
 */
final class SeededInit implements Initializer {

  private final SplittableRandom rng;

  SeededInit(long seed) {
    this.rng = new SplittableRandom(seed ^ 0x1A17_5EEDL);
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    // (O, I, kh, kw) or (O, I): fan-in is everything but the first axis.
    long fanIn = Math.max(1, shape.size() / shape.get(0));
    double bound = 1 / Math.sqrt(fanIn);
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
    }
    return manager.create(v, shape).toType(dataType, false);
  }
}

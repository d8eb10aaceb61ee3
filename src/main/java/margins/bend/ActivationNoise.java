package margins.bend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import margins.network.LayerHook;

/**
 * Adds {@code strength * N(0, 1)} to one layer's maps. The noise is drawn in Java from
 * {@code new Random(seed)} (whose Gaussian sequence the JDK specifies), element by element in
 * (B, C, H, W) order, so the same seed, strength and shape give the same bytes every time,
 * whatever the engine's own random state.
 */
public record ActivationNoise(String layer, double strength, long seed) implements LayerHook {

  /** Validates the layer name and strength >= 0. */
  public ActivationNoise {
    if (layer == null || layer.isBlank()) {
      throw new IllegalArgumentException("activation noise needs a layer name");
    }
    if (!(strength >= 0 && strength <= 1e6)) {
      throw new IllegalArgumentException("noise strength must be in [0, 1000000], got " + strength);
    }
  }

  /**
   * The noise for frame time {@code t} in [0, 1) of an animation whose strength follows
   * {@code strengthOfT} (for instance a walk's schedule); the pattern stays fixed across frames
   * because the seed does, so only its strength moves.
   */
  public static ActivationNoise at(String layer, long seed, DoubleUnaryOperator strengthOfT, double t) {
    if (!(t >= 0 && t < 1)) {
      throw new IllegalArgumentException("frame time t must be in [0, 1), got " + t);
    }
    return new ActivationNoise(layer, strengthOfT.applyAsDouble(t), seed);
  }

  @Override
  public NDArray after(String name, NDArray maps) {
    if (!layer.equals(name) || strength == 0) {
      return maps;
    }
    long size = maps.getShape().size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maps too large for activation noise: " + maps.getShape());
    }
    Random random = new Random(seed);
    float[] noise = new float[(int) size];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (strength * random.nextGaussian());
    }
    NDManager owner = maps.getManager();
    try (NDArray n = owner.create(noise, maps.getShape())) {
      return maps.add(n.toType(maps.getDataType(), false));
    }
  }
}

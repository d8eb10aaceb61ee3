package margins.bend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * {@code dilate} and {@code erode}: the max (or min) over a (2r+1) x (2r+1) window, by max pooling
 * with stride 1 and padding r; pooling pads with -infinity, so the map's edge never wins.
 */
public record Morphology(int radius, boolean dilate) implements BendOp {

  /** Parameters: r, a whole number in [1, 32] (default 1). */
  public static Morphology from(OpParams p, boolean dilate) {
    return new Morphology(p.optionalInt("r", 1, 1, 32), dilate);
  }

  @Override
  public NDArray apply(NDArray maps) {
    int k = 2 * radius + 1;
    Shape kernel = new Shape(k, k);
    Shape stride = new Shape(1, 1);
    Shape pad = new Shape(radius, radius);
    if (dilate) {
      return Pool.maxPool2d(maps, kernel, stride, pad, false);
    }
    // min(x) = -max(-x)
    try (NDArray negated = maps.neg();
        NDArray pooled = Pool.maxPool2d(negated, kernel, stride, pad, false)) {
      return pooled.neg();
    }
  }
}

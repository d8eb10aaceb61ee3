package margins.bend;

import ai.djl.ndarray.NDArray;

/** {@code binary-threshold}: 1 where an activation is at least {@code t}, else 0. */
public record BinaryThreshold(double threshold) implements BendOp {

  /** Parameters: t in [-1e6, 1e6] (required). */
  public static BinaryThreshold from(OpParams p) {
    return new BinaryThreshold(p.required("t", -1e6, 1e6));
  }

  @Override
  public NDArray apply(NDArray maps) {
    try (NDArray mask = maps.gte(threshold)) {
      return mask.toType(maps.getDataType(), false);
    }
  }
}

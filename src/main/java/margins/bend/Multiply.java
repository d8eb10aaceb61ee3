package margins.bend;

import ai.djl.ndarray.NDArray;

/** {@code multiply}: scales every activation by {@code factor}; factor -1 gives plain negation. */
public record Multiply(double factor) implements BendOp {

  /** Parameters: factor in [-1000, 1000] (required). */
  public static Multiply from(OpParams p) {
    return new Multiply(p.required("factor", -1000, 1000));
  }

  @Override
  public NDArray apply(NDArray maps) {
    return maps.mul(factor);
  }
}

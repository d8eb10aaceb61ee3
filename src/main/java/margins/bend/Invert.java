package margins.bend;

import ai.djl.ndarray.NDArray;

/**
 * {@code invert}: 1 - x, Broad et al.'s inversion, which swaps on and off for maps in [0, 1]
 * (after a ReLU or sigmoid); plain negation is {@code multiply} with factor -1.
 */
public record Invert() implements BendOp {

  @Override
  public NDArray apply(NDArray maps) {
    return maps.neg().addi(1);
  }
}

package margins.bend;

import ai.djl.ndarray.NDArray;

/** {@code flip-h} mirrors each row (left becomes right); {@code flip-v} mirrors each column. */
public record Flip(boolean horizontal) implements BendOp {

  @Override
  public NDArray apply(NDArray maps) {
    // (B, C, H, W): W is axis 3, H is axis 2.
    return maps.flip(horizontal ? 3 : 2);
  }
}

package margins.bend;

import ai.djl.ndarray.NDArray;

/** One network-bending operation on activation maps; returns a new array of the same shape. */
@FunctionalInterface
public interface BendOp {

  /**
   * Applies the operation to every channel of {@code maps}; channel selection is the caller's job.
   *
   * @param maps (B, C, H, W), left open and unchanged
   * @return a new (B, C, H, W) array attached to the same manager as {@code maps}
   */
  NDArray apply(NDArray maps);

  /** Builds an op from its validated parameters. */
  @FunctionalInterface
  interface Factory {
    /** @throws IllegalArgumentException when a parameter is unknown or out of range */
    BendOp create(OpParams params);
  }
}

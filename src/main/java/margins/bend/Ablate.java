package margins.bend;

import ai.djl.ndarray.NDArray;

/** {@code ablate}: sets every activation to zero. */
public record Ablate() implements BendOp {

  @Override
  public NDArray apply(NDArray maps) {
    return maps.zerosLike();
  }
}

package margins.bend;

import ai.djl.ndarray.NDArray;

/**
 * {@code scale}: zooms each map by {@code factor} about its centre (factor 2 doubles sizes), zero
 * outside the source; bilinear unless {@code nearest=1}.
 */
public record Scale(double factor, boolean nearest) implements BendOp {

  /** Parameters: factor in [0.01, 100] (required); nearest 0 or 1 (default 0). */
  public static Scale from(OpParams p) {
    return new Scale(p.required("factor", 0.01, 100), p.flag("nearest", false));
  }

  @Override
  public NDArray apply(NDArray maps) {
    double cx = (maps.getShape().get(3) - 1) / 2.0;
    double cy = (maps.getShape().get(2) - 1) / 2.0;
    return MapResampler.resample(
        maps,
        (x, y, out) -> {
          out[0] = cx + (x - cx) / factor;
          out[1] = cy + (y - cy) / factor;
        },
        !nearest);
  }
}

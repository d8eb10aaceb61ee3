package margins.bend;

import ai.djl.ndarray.NDArray;

/**
 * {@code rotate}: turns each map by {@code degrees} about its centre, counter-clockwise as the image
 * is seen (rows run downward), zero outside the source; bilinear unless {@code nearest=1}.
 */
public record Rotate(double degrees, boolean nearest) implements BendOp {

  /** Parameters: degrees in [-360, 360] (required); nearest 0 or 1 (default 0). */
  public static Rotate from(OpParams p) {
    return new Rotate(p.required("degrees", -360, 360), p.flag("nearest", false));
  }

  @Override
  public NDArray apply(NDArray maps) {
    double cx = (maps.getShape().get(3) - 1) / 2.0;
    double cy = (maps.getShape().get(2) - 1) / 2.0;
    double rad = Math.toRadians(degrees);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    return MapResampler.resample(
        maps,
        (x, y, out) -> {
          // Inverse of the forward turn (u, v) -> (cos u + sin v, -sin u + cos v) with y downward.
          double u = x - cx;
          double v = y - cy;
          out[0] = cx + cos * u - sin * v;
          out[1] = cy + sin * u + cos * v;
        },
        !nearest);
  }
}

package margins.bend;

import ai.djl.ndarray.NDArray;

/**
 * {@code translate}: shifts each map by (dx, dy) pixels of the map itself (positive dx moves content
 * right, positive dy down), filling uncovered pixels with zero. Pixels, not fractions of the map,
 * so a bend states exactly what happens at the layer it names; fractional shifts sample bilinearly
 * unless {@code nearest=1}.
 */
public record Translate(double dx, double dy, boolean nearest) implements BendOp {

  /** Parameters: dx, dy in [-4096, 4096] (default 0); nearest 0 or 1 (default 0). */
  public static Translate from(OpParams p) {
    return new Translate(
        p.optional("dx", 0, -4096, 4096), p.optional("dy", 0, -4096, 4096), p.flag("nearest", false));
  }

  @Override
  public NDArray apply(NDArray maps) {
    return MapResampler.resample(
        maps,
        (x, y, out) -> {
          out[0] = x - dx;
          out[1] = y - dy;
        },
        !nearest);
  }
}

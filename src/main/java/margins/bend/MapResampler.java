package margins.bend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Geometric resampling of maps with zero fill: each output pixel reads the source position an
 * inverse transform gives it, by nearest neighbour or bilinear weights.
 *
 * <p>Pixel (x, y) is column x, row y, with y growing downward; pixel centres sit on integers, so
 * the centre of an H x W map is ((W - 1) / 2, (H - 1) / 2).
 */
final class MapResampler {

  /** Maps an output pixel to the source position it reads; writes {x, y} into {@code out}. */
  @FunctionalInterface
  interface InverseMap {
    void source(double x, double y, double[] out);
  }

  private MapResampler() {}

  static NDArray resample(NDArray maps, InverseMap inverse, boolean bilinear) {
    Shape s = maps.getShape();
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("maps must be (B, C, H, W), got " + s);
    }
    int b = (int) s.get(0);
    int c = (int) s.get(1);
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    int hw = h * w;
    int taps = bilinear ? 4 : 1;
    long[][] index = new long[taps][hw];
    float[][] weight = new float[taps][hw];
    double[] src = new double[2];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        inverse.source(x, y, src);
        if (bilinear) {
          double fx = Math.floor(src[0]);
          double fy = Math.floor(src[1]);
          double ax = src[0] - fx;
          double ay = src[1] - fy;
          tap(index[0], weight[0], p, (int) fx, (int) fy, (1 - ax) * (1 - ay), w, h);
          tap(index[1], weight[1], p, (int) fx + 1, (int) fy, ax * (1 - ay), w, h);
          tap(index[2], weight[2], p, (int) fx, (int) fy + 1, (1 - ax) * ay, w, h);
          tap(index[3], weight[3], p, (int) fx + 1, (int) fy + 1, ax * ay, w, h);
        } else {
          tap(index[0], weight[0], p, (int) Math.round(src[0]), (int) Math.round(src[1]), 1, w, h);
        }
      }
    }
    try (NDManager scratch = maps.getManager().newSubManager()) {
      // One extra zero column at position hw: out-of-range taps read it, which is the zero fill.
      NDArray flat = maps.reshape(b, c, hw);
      flat.attach(scratch);
      NDArray padded = flat.concat(scratch.zeros(new Shape(b, c, 1), maps.getDataType()), 2); // (B, C, HW + 1)
      NDArray sum = null;
      for (int k = 0; k < taps; k++) {
        NDArray idx = scratch.create(index[k]);
        NDArray picked = padded.get(new NDIndex(":, :, {}", idx)); // (B, C, HW)
        NDArray term = picked.mul(scratch.create(weight[k]).toType(maps.getDataType(), false));
        sum = sum == null ? term : sum.add(term);
      }
      NDArray out = sum.reshape(b, c, h, w);
      out.attach(maps.getManager());
      return out;
    }
  }

  private static void tap(long[] index, float[] weight, int p, int x, int y, double wgt, int w, int h) {
    boolean inside = x >= 0 && x < w && y >= 0 && y < h;
    index[p] = inside ? (long) y * w + x : (long) w * h;
    weight[p] = inside ? (float) wgt : 0f;
  }
}

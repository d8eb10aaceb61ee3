package margins.archive;

/**
 * Separable resizing of one 8-bit channel: exact area averaging when shrinking (every source pixel
 * counts in proportion to the area it covers, so no aliasing) and bilinear when enlarging.
 * Averaging happens on the stored sRGB values, as most image tools do, so flat colours stay exact.
 */
final class ImageResampler {

  private ImageResampler() {}

  /** Resizes a (sw x sh) channel, row-major, to (dw x dh). */
  static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
    Weights across = Weights.of(sw, dw);
    Weights down = Weights.of(sh, dh);
    float[] rows = new float[dw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < dw; x++) {
        rows[y * dw + x] = across.apply(src, y * sw, 1, x);
      }
    }
    float[] out = new float[dw * dh];
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        out[y * dw + x] = down.apply(rows, x, dw, y);
      }
    }
    return out;
  }

  /** For each output sample: the first source sample it reads and the weights of those it reads. */
  private record Weights(int[] first, float[][] weights) {

    float apply(float[] data, int base, int stride, int i) {
      float[] w = weights[i];
      int at = base + first[i] * stride;
      float sum = 0;
      for (int k = 0; k < w.length; k++, at += stride) {
        sum += w[k] * data[at];
      }
      return sum;
    }

    static Weights of(int in, int out) {
      return in >= out ? area(in, out) : bilinear(in, out);
    }

    private static Weights area(int in, int out) {
      int[] first = new int[out];
      float[][] weights = new float[out][];
      double scale = (double) in / out;
      for (int i = 0; i < out; i++) {
        double lo = i * scale;
        double hi = (i + 1) * scale;
        int j0 = (int) Math.floor(lo);
        int j1 = Math.min(in, (int) Math.ceil(hi));
        first[i] = j0;
        weights[i] = new float[j1 - j0];
        for (int j = j0; j < j1; j++) {
          double cover = Math.min(hi, j + 1) - Math.max(lo, j);
          weights[i][j - j0] = (float) (cover / scale);
        }
      }
      return new Weights(first, weights);
    }

    private static Weights bilinear(int in, int out) {
      int[] first = new int[out];
      float[][] weights = new float[out][];
      double scale = (double) in / out;
      for (int i = 0; i < out; i++) {
        double centre = Math.max(0, Math.min(in - 1, (i + 0.5) * scale - 0.5));
        int j0 = Math.min((int) Math.floor(centre), Math.max(0, in - 2));
        float f = (float) (centre - j0);
        first[i] = j0;
        weights[i] = in == 1 ? new float[] {1f} : new float[] {1f - f, f};
      }
      return new Weights(first, weights);
    }
  }
}

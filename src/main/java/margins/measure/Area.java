package margins.measure;

/** Exact area averaging of square planes onto coarser square grids, for sizes that need not divide evenly. */
final class Area {

  private Area() {}

  /**
   * weights[i][x]: the share of grid row i (covering [i S/g, (i+1) S/g) in pixel units) that pixel x covers, so
   * each row sums to 1. Works for grids finer than the image too (each cell then reads one pixel).
   */
  static double[][] weights(int size, int grid) {
    double[][] w = new double[grid][size];
    double span = (double) size / grid;
    for (int i = 0; i < grid; i++) {
      double lo = i * span;
      double hi = lo + span;
      for (int x = 0; x < size; x++) {
        double overlap = Math.min(hi, x + 1) - Math.max(lo, x);
        w[i][x] = overlap > 0 ? overlap / span : 0;
      }
    }
    return w;
  }

  /**
   * Tent weights: pixel x counts for the grid cells whose centres are within one cell of its centre, linearly
   * less the farther it is (as HOG and SIFT spread gradients), each row scaled to sum to 1. A one-pixel shift then
   * moves weight smoothly between cells instead of across a hard border.
   */
  static double[][] tent(int size, int grid) {
    double[][] w = new double[grid][size];
    for (int i = 0; i < grid; i++) {
      double sum = 0;
      for (int x = 0; x < size; x++) {
        // Pixel centre in cell units, measured from the centre of cell 0; borders keep their own weight.
        double u = Math.max(0, Math.min(grid - 1, (x + 0.5) * grid / size - 0.5));
        w[i][x] = Math.max(0, 1 - Math.abs(u - i));
        sum += w[i][x];
      }
      for (int x = 0; x < size; x++) {
        w[i][x] /= sum;
      }
    }
    return w;
  }

  /** The (size x size) plane starting at {@code offset}, area-averaged onto a (grid x grid) plane. */
  static double[] average(float[] plane, int offset, int size, double[][] w) {
    int grid = w.length;
    double[] cells = new double[grid * grid];
    double[] rows = new double[grid];
    for (int y = 0; y < size; y++) {
      // Horizontal pass for pixel row y, then spread it over the grid rows it overlaps.
      for (int j = 0; j < grid; j++) {
        double s = 0;
        for (int x = 0; x < size; x++) {
          s += w[j][x] * plane[offset + y * size + x];
        }
        rows[j] = s;
      }
      for (int i = 0; i < grid; i++) {
        if (w[i][y] != 0) {
          for (int j = 0; j < grid; j++) {
            cells[i * grid + j] += w[i][y] * rows[j];
          }
        }
      }
    }
    return cells;
  }
}

package margins.measure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The "pixel-structure" space: an 8 x 8 CIE Lab colour layout (192 values), 8-bin unsigned gradient
 * orientation histograms over a 4 x 4 grid of cells (128 values), and the image's pixel-level structure at two
 * scales ({@link Grain}: 2 values), 322 in all for every image size. Weights make squared distance = mean over the
 * 64 colour cells of (deltaE76 / 50)^2 + mean over the 16 cells of the squared difference of their unit-length
 * histograms + 4 x the mean over the two scales of the squared difference of their saturated neighbour
 * correlation, so a strong colour change (deltaE 50) and a change of stroke direction weigh about the same, and
 * pixel noise lies about 2.8 from every picture, far beyond any archive's typical neighbourhood.
 * docs/measure.md says why.
 */
public final class PixelStructure implements FeatureSpace {

  public static final String ID = "pixel-structure";

  static final int GRID = 8;
  static final int CELLS = 4;
  static final int BINS = 8;
  static final int COLOUR_DIMENSION = 3 * GRID * GRID;
  static final int STRUCTURE_END = COLOUR_DIMENSION + CELLS * CELLS * BINS;
  static final int DIMENSION = STRUCTURE_END + Grain.SCALES;

  /** Lab units per feature unit: deltaE 50 counts as 1, spread over sqrt(64) cells. */
  static final double COLOUR_WEIGHT = 1.0 / (50 * GRID);

  /** Unit histograms spread over sqrt(16) cells, so the block's norm is at most 1. */
  static final double STRUCTURE_WEIGHT = 1.0 / CELLS;

  /**
   * Each scale's saturated structure (0 for noise, 1 for a picture) times this: noise is 2 sqrt(2) away from
   * every picture, while a picture's own variations (sharp or soft, shifted, recoloured) stay at 1 and move
   * nothing.
   */
  static final double GRAIN_WEIGHT = 2.0;

  /**
   * Soft floor on a cell's histogram norm, as mean Sobel magnitude per pixel: a cell with much weaker gradients
   * (flat colour, 8-bit noise) shrinks towards zero instead of being blown up to unit length. A 0.1 luma step
   * crossing the cell is well above it.
   */
  static final double EDGE_FLOOR = 0.02;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int dimension(int imageSize) {
    requireSize(imageSize);
    return DIMENSION;
  }

  /** Embeds images in parallel, each independently, so the result does not depend on the thread count. */
  @Override
  public float[][] embed(List<float[]> images, int size) {
    requireSize(size);
    for (int i = 0; i < images.size(); i++) {
      float[] image = images.get(i);
      if (image == null || image.length != 3 * size * size) {
        throw new IllegalArgumentException("image " + i + " has " + (image == null ? "no" : image.length)
            + " values, expected 3 x " + size + " x " + size + " = " + 3 * size * size);
      }
    }
    double[][] weights = Area.weights(size, GRID);
    float[][] out = new float[images.size()][];
    IntStream.range(0, images.size()).parallel().forEach(i -> out[i] = embedOne(images.get(i), size, weights, i));
    return out;
  }

  private static void requireSize(int size) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException("image size must be in " + MIN_SIZE + ".." + MAX_SIZE + ", got " + size);
    }
  }

  private static float[] embedOne(float[] image, int size, double[][] weights, int index) {
    int plane = size * size;
    float[] linear = new float[3 * plane];
    float[] luma = new float[plane];
    for (int p = 0; p < plane; p++) {
      float r = image[p];
      float g = image[plane + p];
      float b = image[2 * plane + p];
      if (Float.isNaN(r) || Float.isNaN(g) || Float.isNaN(b)) {
        throw new IllegalArgumentException("image " + index + " holds NaN at pixel " + p);
      }
      linear[p] = Lab.decode(r);
      linear[plane + p] = Lab.decode(g);
      linear[2 * plane + p] = Lab.decode(b);
      // Rec. 709 luma on the encoded values: close to perceived lightness and cheap.
      luma[p] = 0.2126f * clamp(r) + 0.7152f * clamp(g) + 0.0722f * clamp(b);
    }
    float[] out = new float[DIMENSION];
    colourLayout(linear, size, weights, out);
    orientations(luma, size, out);
    double[] grain = Grain.structureOfLuma(luma, size);
    for (int s = 0; s < Grain.SCALES; s++) {
      out[STRUCTURE_END + s] = (float) (GRAIN_WEIGHT * grain[s]);
    }
    return out;
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  /** Area-averages linear light to 8 x 8 (averaging must happen in linear light), then converts to Lab. */
  private static void colourLayout(float[] linear, int size, double[][] w, float[] out) {
    int plane = size * size;
    double[][] cells = new double[3][];
    for (int c = 0; c < 3; c++) {
      cells[c] = Area.average(linear, c * plane, size, w);
    }
    for (int cell = 0; cell < GRID * GRID; cell++) {
      double[] lab = Lab.fromLinear(cells[0][cell], cells[1][cell], cells[2][cell]);
      for (int c = 0; c < 3; c++) {
        out[c * GRID * GRID + cell] = (float) (lab[c] * COLOUR_WEIGHT);
      }
    }
  }

  /**
   * Sobel on luma at full resolution (borders replicated); each pixel's magnitude is split linearly between the
   * two nearest of 8 orientation bins over [0, pi) (bin centres (b + 1/2) pi / 8) and bilinearly between the four
   * nearest of the 4 x 4 cell centres (as in SIFT and HOG), so a one-pixel shift or a small rotation moves mass
   * smoothly instead of jumping across a cell border.
   */
  private static void orientations(float[] luma, int size, float[] out) {
    double[] hist = new double[CELLS * CELLS * BINS];
    int[] cellLo = new int[size];
    int[] cellHi = new int[size];
    double[] shareHi = new double[size];
    for (int x = 0; x < size; x++) {
      // Pixel centre in cell units, measured from the centre of cell 0.
      double u = (x + 0.5) * CELLS / size - 0.5;
      int c0 = (int) Math.floor(u);
      double f = u - c0;
      cellLo[x] = Math.max(0, c0);
      cellHi[x] = Math.min(CELLS - 1, c0 + 1);
      shareHi[x] = f;
    }
    for (int y = 0; y < size; y++) {
      int ym = Math.max(0, y - 1) * size;
      int y0 = y * size;
      int yp = Math.min(size - 1, y + 1) * size;
      for (int x = 0; x < size; x++) {
        int xm = Math.max(0, x - 1);
        int xp = Math.min(size - 1, x + 1);
        double gx = (luma[ym + xp] + 2 * luma[y0 + xp] + luma[yp + xp]) - (luma[ym + xm] + 2 * luma[y0 + xm] + luma[yp + xm]);
        double gy = (luma[yp + xm] + 2 * luma[yp + x] + luma[yp + xp]) - (luma[ym + xm] + 2 * luma[ym + x] + luma[ym + xp]);
        double mag = Math.sqrt(gx * gx + gy * gy);
        if (mag == 0) {
          continue;
        }
        double angle = Math.atan2(gy, gx);
        if (angle < 0) {
          angle += Math.PI;
        }
        double t = angle / (Math.PI / BINS) - 0.5;
        int b0 = (int) Math.floor(t);
        double frac = t - b0;
        int bLo = Math.floorMod(b0, BINS);
        int bHi = Math.floorMod(b0 + 1, BINS);
        double[] wy = {1 - shareHi[y], shareHi[y]};
        int[] cy = {cellLo[y], cellHi[y]};
        double[] wx = {1 - shareHi[x], shareHi[x]};
        int[] cx = {cellLo[x], cellHi[x]};
        for (int a = 0; a < 2; a++) {
          for (int b = 0; b < 2; b++) {
            double w = mag * wy[a] * wx[b];
            int base = (cy[a] * CELLS + cx[b]) * BINS;
            hist[base + bLo] += w * (1 - frac);
            hist[base + bHi] += w * frac;
          }
        }
      }
    }
    double area = (double) size * size / (CELLS * CELLS);
    double floor = EDGE_FLOOR * area;
    for (int cell = 0; cell < CELLS * CELLS; cell++) {
      double norm2 = 0;
      for (int b = 0; b < BINS; b++) {
        norm2 += hist[cell * BINS + b] * hist[cell * BINS + b];
      }
      double scale = STRUCTURE_WEIGHT / Math.sqrt(norm2 + floor * floor);
      for (int b = 0; b < BINS; b++) {
        out[COLOUR_DIMENSION + cell * BINS + b] = (float) (hist[cell * BINS + b] * scale);
      }
    }
  }
}

package margins.measure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The "thumbnail" space, a second opinion built from other parts than pixel-structure: the image as a 16 x 16
 * lightness thumbnail and an 8 x 8 chroma one (CIE Lab from linear-light tent-weighted averages, chroma at half
 * the resolution as in JPEG; 256 + 128 values) and its pixel-level structure along the diagonals (2 values): 386
 * in all for every image size. Squared distance = mean over the 256 cells of (deltaL / 50)^2 + mean over the 64
 * chroma cells of (delta a^2 + delta b^2) / 50^2 + 4 x the mean over two scales of the squared difference of their
 * saturated diagonal correlation.
 *
 * <p>Diagonal correlation: how strongly each pixel's luma moves with its diagonal neighbours', at full and half
 * resolution, |c| / 0.2 capped at 1: 0 for any white noise, 1 for pictures (pixel-structure looks at the
 * horizontal and vertical neighbours instead).
 */
public final class Thumbnail implements FeatureSpace {

  public static final String ID = "thumbnail";

  static final int LIGHTNESS_GRID = 16;
  static final int CHROMA_GRID = 8;
  static final int STEPS = 2;
  static final int DIMENSION = LIGHTNESS_GRID * LIGHTNESS_GRID + 2 * CHROMA_GRID * CHROMA_GRID + STEPS;

  /** |diagonal correlation| at which a scale counts as fully structured. */
  static final double SATURATION = 0.2;

  /** Each scale's saturated correlation times this: noise is about 2 sqrt(2) from every picture. */
  static final double STEP_WEIGHT = 2.0;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int dimension(int imageSize) {
    requireSize(imageSize);
    return DIMENSION;
  }

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
    double[][] fine = Area.tent(size, LIGHTNESS_GRID);
    double[][] coarse = Area.tent(size, CHROMA_GRID);
    float[][] out = new float[images.size()][];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = embedOne(images.get(i), size, fine, coarse));
    return out;
  }

  private static void requireSize(int size) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException("image size must be in " + MIN_SIZE + ".." + MAX_SIZE + ", got " + size);
    }
  }

  private static float[] embedOne(float[] image, int size, double[][] fine, double[][] coarse) {
    int plane = size * size;
    float[] linear = new float[3 * plane];
    for (int p = 0; p < 3 * plane; p++) {
      linear[p] = Lab.decode(image[p]);
    }
    float[] out = new float[DIMENSION];
    int at = 0;
    double[][] l = {Area.average(linear, 0, size, fine), Area.average(linear, plane, size, fine),
        Area.average(linear, 2 * plane, size, fine)};
    for (int cell = 0; cell < l[0].length; cell++) {
      out[at++] = (float) (Lab.fromLinear(l[0][cell], l[1][cell], l[2][cell])[0] / (50.0 * LIGHTNESS_GRID));
    }
    double[][] c = {Area.average(linear, 0, size, coarse), Area.average(linear, plane, size, coarse),
        Area.average(linear, 2 * plane, size, coarse)};
    for (int cell = 0; cell < c[0].length; cell++) {
      double[] lab = Lab.fromLinear(c[0][cell], c[1][cell], c[2][cell]);
      out[at + cell] = (float) (lab[1] / (50.0 * CHROMA_GRID));
      out[at + c[0].length + cell] = (float) (lab[2] / (50.0 * CHROMA_GRID));
    }
    at += 2 * c[0].length;
    float[] luma = Grain.luma(image, size);
    int side = size;
    for (int s = 0; s < STEPS; s++) {
      double d = Math.abs(diagonalCorrelation(luma, side));
      out[at++] = (float) (STEP_WEIGHT * Math.min(d, SATURATION) / SATURATION);
      int next = side / 2;
      float[] down = new float[next * next];
      for (int y = 0; y < next; y++) {
        for (int x = 0; x < next; x++) {
          int p = 2 * y * side + 2 * x;
          down[y * next + x] = (luma[p] + luma[p + 1] + luma[p + side] + luma[p + side + 1]) / 4;
        }
      }
      luma = down;
      side = next;
    }
    return out;
  }

  /** Mean over both diagonal neighbour pairs of the centred product, over the variance (a flat image reads 1). */
  static double diagonalCorrelation(float[] l, int size) {
    double mean = 0;
    for (float v : l) {
      mean += v;
    }
    mean /= l.length;
    double var = 0;
    for (float v : l) {
      var += (v - mean) * (v - mean);
    }
    double cov = 0;
    for (int y = 0; y + 1 < size; y++) {
      for (int x = 0; x + 1 < size; x++) {
        double a = l[y * size + x] - mean;
        double b = l[y * size + x + 1] - mean;
        cov += a * (l[(y + 1) * size + x + 1] - mean) + b * (l[(y + 1) * size + x] - mean);
      }
    }
    cov /= 2.0 * (size - 1) * (size - 1);
    return (cov + Grain.EPSILON) / (var / l.length + Grain.EPSILON);
  }
}

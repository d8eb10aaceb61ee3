package margins.measure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How crisp an image is: the mean absolute Laplacian (4-neighbour, borders replicated) of its grey image (Rec. 709
 * luma of the clamped values). Blurring lowers it, noise raises it; divided by the held-out split's mean it reads
 * 1.0 for an output as crisp as the archive, below 1 for a softer one.
 */
public final class Sharpness {

  private Sharpness() {}

  /** Mean |Laplacian| of the grey image per pixel, in grey levels of 0..1 (0 for a flat image). */
  public static double of(float[] image, int size) {
    float[] l = Grain.luma(image, size);
    double sum = 0;
    for (int y = 0; y < size; y++) {
      int up = Math.max(0, y - 1) * size;
      int row = y * size;
      int down = Math.min(size - 1, y + 1) * size;
      for (int x = 0; x < size; x++) {
        int left = Math.max(0, x - 1);
        int right = Math.min(size - 1, x + 1);
        double lap = l[up + x] + l[down + x] + l[row + left] + l[row + right] - 4.0 * l[row + x];
        sum += Math.abs(lap);
      }
    }
    return sum / ((double) size * size);
  }

  /** {@link #of} for each image, in parallel. */
  public static double[] of(List<float[]> images, int size) {
    double[] out = new double[images.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = of(images.get(i), size));
    return out;
  }

  /** The mean of {@link #of} over the images; NaN for none. */
  public static double mean(List<float[]> images, int size) {
    return images.isEmpty() ? Double.NaN : java.util.Arrays.stream(of(images, size)).average().orElse(Double.NaN);
  }
}

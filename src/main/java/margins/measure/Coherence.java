package margins.measure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How strongly neighbouring pixels move together: the correlation of each pixel's grey value with its right and
 * lower neighbours' (the full-resolution scale of {@link Grain}). Drawings and photographs read near 1, pixel noise
 * and shuffled pixels near 0; a flat image reads 1 (smooth, not noise).
 */
public final class Coherence {

  private Coherence() {}

  /** The neighbouring-pixel correlation of the grey image, in [-1, 1]. */
  public static double of(float[] image, int size) {
    return Grain.correlation(Grain.luma(image, size), size);
  }

  /** {@link #of} for each image, in parallel. */
  public static double[] of(List<float[]> images, int size) {
    double[] out = new double[images.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = of(images.get(i), size));
    return out;
  }
}

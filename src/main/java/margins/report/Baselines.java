package margins.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Images that are strange the uninteresting way, to compare alien outputs with: pixel noise, and archive images
 * with their pixels shuffled. An alien output should lie nearer the archive than either (strange, not noise).
 * Images are floats (3, H, W) in [0, 1].
 */
public final class Baselines {

  private Baselines() {}

  /**
   * Gaussian pixel noise with the archive's colour statistics: each value is mean_c + std_c N(0, 1), clipped to
   * [0, 1], with mean and std per channel taken over the given archive images, so it differs from the archive in
   * structure, not in overall colour.
   */
  public static List<float[]> gaussian(int n, int size, List<float[]> archive, long seed) {
    if (archive.isEmpty()) {
      throw new IllegalArgumentException("noise needs archive images for its colour statistics, got none");
    }
    int plane = size * size;
    double[] mean = new double[3];
    double[] sq = new double[3];
    for (float[] im : archive) {
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          double v = im[c * plane + p];
          mean[c] += v;
          sq[c] += v * v;
        }
      }
    }
    double count = (double) archive.size() * plane;
    double[] std = new double[3];
    for (int c = 0; c < 3; c++) {
      mean[c] /= count;
      std[c] = Math.sqrt(Math.max(0, sq[c] / count - mean[c] * mean[c]));
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] im = new float[3 * plane];
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          im[c * plane + p] = (float) Math.max(0, Math.min(1, mean[c] + std[c] * gaussian(random)));
        }
      }
      out.add(im);
    }
    return out;
  }

  /**
   * n archive images (item i mod count of the given ones) with their pixel positions shuffled: each image keeps
   * its exact colour histogram (RGB triples move together) but loses layout and strokes.
   */
  public static List<float[]> shuffled(int n, int count, IntFunction<float[]> archiveImage, int size, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("shuffling needs archive images, got none");
    }
    int plane = size * size;
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] src = archiveImage.apply(i % count);
      float[] im = new float[3 * plane];
      int[] perm = new int[plane];
      for (int p = 0; p < plane; p++) {
        perm[p] = p;
      }
      for (int p = plane - 1; p > 0; p--) {
        int j = random.nextInt(p + 1);
        int t = perm[p];
        perm[p] = perm[j];
        perm[j] = t;
      }
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          im[c * plane + p] = src[c * plane + perm[p]];
        }
      }
      out.add(im);
    }
    return out;
  }

  /** A standard normal value by Box-Muller from the given generator (SplittableRandom has none of its own). */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

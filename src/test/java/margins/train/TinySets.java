package margins.train;

import java.util.SplittableRandom;
import margins.archive.TrainingSet;

/** Tiny synthetic training sets: coloured squares on white, a few pixels wide. */
public final class TinySets {

  private TinySets() {}

  public static TrainingSet squares(int n, int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * size * size * 3];
    java.util.Arrays.fill(px, (byte) 255);
    for (int i = 0; i < n; i++) {
      int side = 2 + r.nextInt(size / 2);
      int x0 = r.nextInt(size - side);
      int y0 = r.nextInt(size - side);
      int[] rgb = {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
      for (int y = y0; y < y0 + side; y++) {
        for (int x = x0; x < x0 + side; x++) {
          for (int c = 0; c < 3; c++) {
            px[((i * size + y) * size + x) * 3 + c] = (byte) rgb[c];
          }
        }
      }
    }
    return new TrainingSet(px, n, size, "tiny-" + n + "-" + size + "-" + seed);
  }

  /** A small, fast configuration: latent 8, width 4, checkpoints and sheets every step. */
  public static TrainConfig quick(int steps) {
    return new TrainConfig(steps, 4, 1e-3, 1.0, 0, false, 7, 100.0, 1, steps, 1, 8, 4, 0.0);
  }
}

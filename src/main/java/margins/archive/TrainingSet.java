package margins.archive;

import java.util.SplittableRandom;

/**
 * The images a model learns from, as 8-bit RGB laid out (N, H, W, 3), with the archive's hash.
 *
 * @param pixels the images, row-major, RGB
 * @param count N
 * @param size H = W
 * @param hash identifies the prepared archive; checkpoints carry it
 */
public record TrainingSet(byte[] pixels, int count, int size, String hash) {

  public TrainingSet {
    if (count < 1) {
      throw new IllegalArgumentException("a training set needs at least one image");
    }
    if ((long) count * size * size * 3 != pixels.length) {
      throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, not " + count + " images of " + size + "x" + size);
    }
  }

  /** The studio's prepared archive as a training set. */
  public static TrainingSet of(PreparedArchive archive) {
    return new TrainingSet(archive.pixels(), archive.count(), archive.size(), archive.hash());
  }

  /**
   * The archive split into the images a model learns from and a held-out reference, the same split for
   * the same archive size and fraction (a fixed shuffle, independent of the training seed).
   */
  public Split split(double fraction) {
    int held = (int) Math.floor(count * fraction);
    int[] perm = new int[count];
    for (int i = 0; i < count; i++) {
      perm[i] = i;
    }
    SplittableRandom r = new SplittableRandom(0x5EEDL);
    for (int i = count - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] heldOut = java.util.Arrays.copyOfRange(perm, 0, held);
    int[] kept = java.util.Arrays.copyOfRange(perm, held, count);
    java.util.Arrays.sort(heldOut);
    java.util.Arrays.sort(kept);
    return new Split(subset(kept), kept, heldOut);
  }

  /** The images at these indices, in that order, as a training set of the same archive. */
  public TrainingSet subset(int[] indices) {
    int bytes = size * size * 3;
    byte[] px = new byte[indices.length * bytes];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(pixels, indices[k] * bytes, px, k * bytes, bytes);
    }
    return new TrainingSet(px, indices.length, size, hash);
  }

  /**
   * An archive split for training.
   *
   * @param train the images the model learns from
   * @param trainIndices their indices in the archive
   * @param heldOut indices of the archive images kept out of training
   */
  public record Split(TrainingSet train, int[] trainIndices, int[] heldOut) {}

  /** Writes image i as floats (3, H, W) in [0, 1] at an offset, mirrored left-right if asked. */
  public void copyChw(int i, float[] dst, int offset, boolean mirror) {
    int plane = size * size;
    int base = i * plane * 3;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int src = base + (y * size + (mirror ? size - 1 - x : x)) * 3;
        int p = offset + y * size + x;
        dst[p] = (pixels[src] & 0xff) / 255f;
        dst[p + plane] = (pixels[src + 1] & 0xff) / 255f;
        dst[p + 2 * plane] = (pixels[src + 2] & 0xff) / 255f;
      }
    }
  }

  /** A batch (B, 3, H, W) for a step: indices drawn without replacement, all from the step's own seed. */
  public float[] batch(int[] indices, SplittableRandom rng, boolean flip) {
    float[] out = new float[indices.length * 3 * size * size];
    for (int b = 0; b < indices.length; b++) {
      copyChw(indices[b], out, b * 3 * size * size, flip && rng.nextBoolean());
    }
    return out;
  }

  /** B distinct indices (or all N, repeated, when B > N), drawn by a partial Fisher-Yates shuffle. */
  public int[] draw(int b, SplittableRandom rng) {
    int[] perm = new int[count];
    for (int i = 0; i < count; i++) {
      perm[i] = i;
    }
    int[] out = new int[b];
    for (int j = 0; j < Math.min(b, count); j++) {
      int swap = j + rng.nextInt(count - j);
      int t = perm[j];
      perm[j] = perm[swap];
      perm[swap] = t;
    }
    for (int k = 0; k < b; k++) {
      out[k] = perm[k % count];
    }
    return out;
  }
}

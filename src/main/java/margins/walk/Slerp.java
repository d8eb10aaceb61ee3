package margins.walk;

import margins.math.VectorMath;

/**
 * {@code slerp}: the great-circle arc from {@code from} to {@code to}, on the vectors themselves
 * (not their directions), so equal-norm endpoints keep their norm all the way; falls back to lerp
 * when they are nearly parallel. The first and last frames are the endpoints.
 */
public record Slerp(float[] from, float[] to, int frames) implements Walk {

  /** Checks equal dimensions and frames in [2, 100000]. */
  public Slerp {
    VectorMath.checkSame(from, to, "slerp");
    VectorMath.checkFrames(frames);
  }

  @Override
  public float[][] latents() {
    float[][] out = new float[frames][];
    out[0] = from.clone();
    for (int i = 1; i < frames - 1; i++) {
      out[i] = VectorMath.slerp(from, to, i / (double) (frames - 1));
    }
    out[frames - 1] = to.clone();
    return out;
  }
}

package margins.walk;

import margins.math.VectorMath;

/** {@code lerp}: a straight line from {@code from} to {@code to}; the first and last frames are the endpoints. */
public record Lerp(float[] from, float[] to, int frames) implements Walk {

  /** Checks equal dimensions and frames in [2, 100000]. */
  public Lerp {
    VectorMath.checkSame(from, to, "lerp");
    VectorMath.checkFrames(frames);
  }

  @Override
  public float[][] latents() {
    float[][] out = new float[frames][];
    for (int i = 0; i < frames; i++) {
      out[i] = VectorMath.lerp(from, to, i / (double) (frames - 1));
    }
    out[frames - 1] = to.clone();
    return out;
  }
}

package margins.math;

import java.util.List;

/** Small vector arithmetic on float latents, computed in double. */
public final class VectorMath {

  private VectorMath() {}

  /** Dot product, summed in double. */
  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** Squared Euclidean distance, summed in double. */
  public static double squaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }

  /** The squared distance from a to the nearest of others; +infinity when there are none. */
  public static double nearestSquaredDistance(float[] a, List<float[]> others) {
    double d = Double.POSITIVE_INFINITY;
    for (float[] o : others) {
      d = Math.min(d, squaredDistance(a, o));
    }
    return d;
  }

  /** Euclidean length, summed in double. */
  public static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** (1 - t) a + t b. */
  public static float[] lerp(float[] a, float[] b, double t) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) ((1 - t) * a[i] + t * b[i]);
    }
    return out;
  }

  /**
   * Spherical interpolation of the vectors themselves (Shoemake; White 2016 for latents), which
   * keeps the norm when |a| = |b|; lerp when the two are within about 1e-4 rad of parallel.
   */
  public static float[] slerp(float[] a, float[] b, double t) {
    double na = norm(a);
    double nb = norm(b);
    if (na == 0 || nb == 0) {
      return lerp(a, b, t);
    }
    double cos = Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
    double omega = Math.acos(cos);
    double sin = Math.sin(omega);
    if (sin < 1e-4) {
      return lerp(a, b, t);
    }
    double wa = Math.sin((1 - t) * omega) / sin;
    double wb = Math.sin(t * omega) / sin;
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (wa * a[i] + wb * b[i]);
    }
    return out;
  }

  public static void checkSame(float[] a, float[] b, String what) {
    if (a == null || b == null || a.length == 0) {
      throw new IllegalArgumentException(what + ": latents must be non-empty");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(what + ": latents differ in dimension, " + a.length + " vs " + b.length);
    }
  }

  public static void checkFrames(int frames) {
    if (frames < 2 || frames > 100_000) {
      throw new IllegalArgumentException("frames must be in [2, 100000], got " + frames);
    }
  }
}

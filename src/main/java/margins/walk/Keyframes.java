package margins.walk;

import margins.BadParameter;
import margins.math.VectorMath;

/**
 * {@code keyframes}: a closed loop through N points. Frame i sits at loop time s = i N / frames, in
 * segment k = floor(s) from point k to point (k + 1) mod N, so frame {@code frames} would be frame 0
 * again and is not emitted: played on repeat, the loop has no seam. {@code curve} is
 * {@code catmull-rom} (default: a uniform closed Catmull-Rom spline, smooth through every point)
 * or {@code slerp} (great-circle arcs, one per segment, which keep norms but turn sharply at points).
 */
public record Keyframes(float[][] points, int frames, String curve) implements Walk {

  /** Checks at least 2 points of one dimension, frames in [2, 100000] and a known curve. */
  public Keyframes {
    if (points == null || points.length < 2) {
      throw new BadParameter("keyframes: need at least 2 points, got " + (points == null ? 0 : points.length));
    }
    for (int i = 1; i < points.length; i++) {
      VectorMath.checkSame(points[0], points[i], "keyframes point " + i);
    }
    VectorMath.checkFrames(frames);
    curve = curve == null ? "catmull-rom" : curve;
    if (!curve.equals("catmull-rom") && !curve.equals("slerp")) {
      throw new BadParameter("keyframes: curve must be catmull-rom or slerp, got '" + curve + "'");
    }
  }

  @Override
  public float[][] latents() {
    int n = points.length;
    float[][] out = new float[frames][];
    for (int i = 0; i < frames; i++) {
      double s = i * (double) n / frames;
      int k = (int) Math.floor(s);
      double u = s - k;
      float[] p1 = points[k % n];
      float[] p2 = points[(k + 1) % n];
      if (curve.equals("slerp")) {
        out[i] = VectorMath.slerp(p1, p2, u);
      } else {
        out[i] = catmullRom(points[(k - 1 + n) % n], p1, p2, points[(k + 2) % n], u);
      }
    }
    return out;
  }

  /** Uniform Catmull-Rom between p1 (u = 0) and p2 (u = 1), with tangents from p0 and p3. */
  private static float[] catmullRom(float[] p0, float[] p1, float[] p2, float[] p3, double u) {
    double u2 = u * u;
    double u3 = u2 * u;
    float[] out = new float[p1.length];
    for (int j = 0; j < out.length; j++) {
      out[j] =
          (float)
              (0.5
                  * (2 * p1[j]
                      + (-p0[j] + p2[j]) * u
                      + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * u2
                      + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * u3));
    }
    return out;
  }
}

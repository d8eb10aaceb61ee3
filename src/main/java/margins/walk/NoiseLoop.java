package margins.walk;

import java.util.Random;
import margins.BadParameter;
import margins.math.VectorMath;

/**
 * {@code noise-loop}: the circle z(t) = centre + radius sqrt(d) (a cos 2 pi t + b sin 2 pi t) with
 * frame i at t = i / frames (frame {@code frames} would be frame 0, so it is not emitted). a and b
 * are Gaussian draws from {@code new Random(seed)}, made orthonormal, so about the origin every
 * frame has norm radius sqrt(d), the typical norm of a N(0, I) prior sample, and every step is the
 * same length. radius below 1 acts like truncation psi: the loop stays nearer the prior's mode.
 * {@code centre} may be null (the origin).
 */
public record NoiseLoop(int dim, long seed, int frames, double radius, float[] centre) implements Walk {

  /** Checks dim in [2, 65536], frames in [2, 100000], radius in (0, 10] and the centre's dimension. */
  public NoiseLoop {
    if (dim < 2 || dim > 65536) {
      throw new BadParameter("noise-loop: dim must be in [2, 65536] to hold a circle, got " + dim);
    }
    VectorMath.checkFrames(frames);
    if (!(radius > 0 && radius <= 10)) {
      throw new BadParameter("noise-loop: radius must be in (0, 10], got " + radius);
    }
    if (centre != null && centre.length != dim) {
      throw new BadParameter("noise-loop: centre has dimension " + centre.length + ", expected " + dim);
    }
  }

  @Override
  public float[][] latents() {
    Random random = new Random(seed);
    double[] a = gaussian(random);
    double[] b = gaussian(random);
    normalise(a);
    // Gram-Schmidt: b minus its part along a, so the circle is round.
    double along = 0;
    for (int j = 0; j < dim; j++) {
      along += a[j] * b[j];
    }
    for (int j = 0; j < dim; j++) {
      b[j] -= along * a[j];
    }
    normalise(b);
    double r = radius * Math.sqrt(dim);
    float[][] out = new float[frames][dim];
    for (int i = 0; i < frames; i++) {
      double angle = 2 * Math.PI * i / frames;
      double c = Math.cos(angle);
      double s = Math.sin(angle);
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) ((centre == null ? 0 : centre[j]) + r * (c * a[j] + s * b[j]));
      }
    }
    return out;
  }

  private double[] gaussian(Random random) {
    double[] v = new double[dim];
    for (int j = 0; j < dim; j++) {
      v[j] = random.nextGaussian();
    }
    return v;
  }

  private static void normalise(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    double n = Math.sqrt(s);
    for (int j = 0; j < v.length; j++) {
      v[j] /= n;
    }
  }
}

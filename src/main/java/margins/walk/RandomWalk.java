package margins.walk;

import java.util.Random;
import margins.BadParameter;
import margins.math.VectorMath;

/**
 * {@code random-walk}: a seeded drift with momentum from {@code start}. Each frame draws
 * e ~ N(0, I) from {@code new Random(seed)}, then v = momentum v + (1 - momentum) e (v starts at 0)
 * and z = z + step v. With {@code closeFraction} f > 0 the last L = round(f frames) frames are
 * pulled back to the start: frame i (i >= frames - L) becomes (1 - w) z_i + w start, with w
 * rising smoothly (smoothstep) from 0 at frame frames - L to 1 at frame {@code frames}, which is
 * not emitted, so the walk loops; f = 0 leaves it open.
 */
public record RandomWalk(float[] start, int frames, long seed, double step, double momentum, double closeFraction)
    implements Walk {

  /** Checks step in (0, 100], momentum in [0, 1), closeFraction in [0, 1] and frames in [2, 100000]. */
  public RandomWalk {
    if (start == null || start.length == 0) {
      throw new BadParameter("random-walk: start must be a non-empty latent");
    }
    VectorMath.checkFrames(frames);
    if (!(step > 0 && step <= 100)) {
      throw new BadParameter("random-walk: step must be in (0, 100], got " + step);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new BadParameter("random-walk: momentum must be in [0, 1), got " + momentum);
    }
    if (!(closeFraction >= 0 && closeFraction <= 1)) {
      throw new BadParameter("random-walk: closeFraction must be in [0, 1], got " + closeFraction);
    }
  }

  @Override
  public float[][] latents() {
    int d = start.length;
    Random random = new Random(seed);
    double[] z = new double[d];
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      z[j] = start[j];
    }
    float[][] out = new float[frames][d];
    out[0] = start.clone();
    for (int i = 1; i < frames; i++) {
      for (int j = 0; j < d; j++) {
        v[j] = momentum * v[j] + (1 - momentum) * random.nextGaussian();
        z[j] += step * v[j];
        out[i][j] = (float) z[j];
      }
    }
    int closing = (int) Math.round(closeFraction * frames);
    int first = frames - closing;
    for (int i = Math.max(first, 1); i < frames; i++) {
      double x = (i - first) / (double) closing;
      double w = x * x * (3 - 2 * x);
      for (int j = 0; j < d; j++) {
        out[i][j] = (float) ((1 - w) * out[i][j] + w * start[j]);
      }
    }
    return out;
  }
}

package margins.sample;

import java.util.Random;
import java.util.SplittableRandom;

/** Each output's own random stream: its seed mixed with the sampler's constant, so samplers never share draws. */
final class Rng {

  private Rng() {}

  /**
   * A java.util.Random (whose Gaussian the JDK specifies exactly) seeded from SplittableRandom's mix of
   * {@code seed ^ salt}: neighbouring seeds give unrelated streams.
   */
  static Random of(long seed, long salt) {
    return new Random(new SplittableRandom(seed ^ salt).nextLong());
  }

  static float[] gaussian(Random r, int d) {
    float[] z = new float[d];
    for (int i = 0; i < d; i++) {
      z[i] = (float) r.nextGaussian();
    }
    return z;
  }

}

package margins.measure;

/** Test helpers: hand-made points on a line, and seeded random clouds. */
final class Points {

  private Points() {}

  static float[][] line(double... xs) {
    float[][] out = new float[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      out[i] = new float[] {(float) xs[i]};
    }
    return out;
  }

  static float[][] gaussian(int n, int d, double shift, long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[][] out = new float[n][d];
    for (float[] v : out) {
      for (int t = 0; t < d; t++) {
        v[t] = (float) (random.nextGaussian() + shift);
      }
    }
    return out;
  }
}

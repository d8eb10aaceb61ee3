package margins.measure;

/** sRGB (IEC 61966-2-1, D65) to CIE L*a*b* (D65 white), with a lookup table for the gamma curve. */
final class Lab {

  /** 4096 linear segments: interpolation error below 1e-6 on the decoded value, invisible after Lab. */
  private static final int STEPS = 4096;

  private static final float[] LINEAR = new float[STEPS + 2];

  static {
    for (int i = 0; i <= STEPS + 1; i++) {
      LINEAR[i] = (float) decodeExact(Math.min(1.0, (double) i / STEPS));
    }
  }

  // D65 reference white, XYZ with Y = 1.
  private static final double XN = 0.95047;
  private static final double ZN = 1.08883;

  private Lab() {}

  static double decodeExact(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  /** sRGB-encoded value in [0,1] to linear light; out-of-range values are clamped first. */
  static float decode(float v) {
    float x = Math.max(0f, Math.min(1f, v)) * STEPS;
    int i = (int) x;
    float f = x - i;
    return LINEAR[i] + f * (LINEAR[i + 1] - LINEAR[i]);
  }

  /** Linear-light RGB to {L*, a*, b*}: L* in 0..100, a* and b* roughly -100..100. */
  static double[] fromLinear(double r, double g, double b) {
    double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    double fx = f(x / XN);
    double fy = f(y);
    double fz = f(z / ZN);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  /** sRGB-encoded RGB to L*a*b*. */
  static double[] fromSrgb(double r, double g, double b) {
    return fromLinear(decodeExact(r), decodeExact(g), decodeExact(b));
  }

  private static double f(double t) {
    double delta = 6.0 / 29;
    return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
  }
}

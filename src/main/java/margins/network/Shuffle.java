package margins.network;

import ai.djl.ndarray.NDArray;

/** Space-to-depth and depth-to-space: moving 2x2 pixel blocks between space and channels (no weights, exact). */
final class Shuffle {

  private Shuffle() {}

  /** (B, C, H, W) -> (B, 4C, H/2, W/2): channel c*4 + a*2 + b holds pixel (2i+a, 2j+b) of channel c. */
  static NDArray toDepth(NDArray x) {
    long[] s = x.getShape().getShape();
    return x.reshape(s[0], s[1], s[2] / 2, 2, s[3] / 2, 2)
        .transpose(0, 1, 3, 5, 2, 4)
        .reshape(s[0], s[1] * 4, s[2] / 2, s[3] / 2);
  }

  /** (B, 4C, H, W) -> (B, C, 2H, 2W): the inverse, the sub-pixel convolution's shuffle. */
  static NDArray toSpace(NDArray x) {
    long[] s = x.getShape().getShape();
    return x.reshape(s[0], s[1] / 4, 2, 2, s[2], s[3])
        .transpose(0, 1, 4, 2, 5, 3)
        .reshape(s[0], s[1] / 4, s[2] * 2, s[3] * 2);
  }
}

package margins.network;

import java.util.List;
import margins.BadParameter;

/**
 * The architecture of a convolutional VAE; stored in every checkpoint so the network rebuilds itself.
 *
 * @param resolution image side in pixels: 8, 16, 32, 64 or 128
 * @param latent size of the latent vector
 * @param width channels of the first stage below full resolution; each further halving doubles them
 * @param maxChannels cap on channels per stage, to keep 64 and 128 pixel models small
 */
public record VaeConfig(int resolution, int latent, int width, int maxChannels) implements NetConfig {

  public static final List<Integer> RESOLUTIONS = List.of(8, 16, 32, 64, 128);

  public VaeConfig {
    if (!RESOLUTIONS.contains(resolution)) {
      throw new BadParameter("resolution must be one of " + RESOLUTIONS + ", not " + resolution);
    }
    if (latent < 2 || latent > 1024) {
      throw new BadParameter("--latent must be in 2..1024, not " + latent);
    }
    if (width < 4 || width > 512) {
      throw new BadParameter("--width must be in 4..512, not " + width);
    }
    if (maxChannels < width) {
      throw new BadParameter("maxChannels must be at least width (" + width + ")");
    }
  }

  /** The defaults for a resolution: latent 32, width 32, at most 128 channels. */
  public static VaeConfig defaults(int resolution) {
    return new VaeConfig(resolution, 32, 32, 128);
  }

  /** Number of 2x down (and up) stages between the image and the 4x4 bottleneck. */
  public int stages() {
    return Integer.numberOfTrailingZeros(resolution) - 2;
  }

  /** Channels of the feature maps at side resolution / 2^s, for s = 1 (half size) .. stages() (4x4). */
  public int channels(int s) {
    return Math.min(width << (s - 1), maxChannels);
  }

  /** Side of the bottleneck feature map. */
  public int bottleneck() {
    return 4;
  }
}

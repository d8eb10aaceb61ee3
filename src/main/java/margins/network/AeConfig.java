package margins.network;

import java.util.ArrayList;
import java.util.List;
import margins.BadParameter;

/**
 * The architecture of the sharp autoencoder (the first stage of the two-stage model); stored in every checkpoint so
 * the network rebuilds itself. Channel counts come in whole blocks of 16, the vector block of the CPU kernels.
 *
 * @param resolution image side in pixels: 32, 64 or 128
 * @param latent numbers in a code (codes lie on the sphere of radius sqrt(latent))
 * @param width channels of the encoder's first stage, at half the image side; each halving doubles them
 * @param maxChannels cap on channels per stage
 * @param residual residual blocks after each decoder upsampling below full resolution, from 8x8 up
 * @param top channels of the last feature maps, at full resolution
 * @param codeNoise standard deviation of the noise added to codes before decoding in training
 */
public record AeConfig(int resolution, int latent, int width, int maxChannels, int residual, int top,
    double codeNoise) implements NetConfig {

  public static final List<Integer> RESOLUTIONS = List.of(32, 64, 128);

  public AeConfig {
    if (!RESOLUTIONS.contains(resolution)) {
      throw new BadParameter("resolution must be one of " + RESOLUTIONS + ", not " + resolution);
    }
    if (latent < 8 || latent > 512) {
      throw new BadParameter("--latent must be in 8..512, not " + latent);
    }
    if (width < 16 || width > 256 || width % 16 != 0) {
      throw new BadParameter("--width must be a multiple of 16 in 16..256, not " + width);
    }
    if (maxChannels < width || maxChannels % 16 != 0) {
      throw new BadParameter("maxChannels must be a multiple of 16, at least width (" + width + ")");
    }
    if (residual < 0 || residual > 4) {
      throw new BadParameter("residual blocks per stage must be in 0..4, not " + residual);
    }
    if (top < 16 || top % 16 != 0) {
      throw new BadParameter("top channels must be a multiple of 16, at least 16, not " + top);
    }
    if (!(codeNoise >= 0 && codeNoise <= 2)) {
      throw new BadParameter("code noise must be in [0, 2], not " + codeNoise);
    }
  }

  /** The defaults for a resolution: latent 64, width 32, 128 channels at most, one residual block, top 16. */
  public static AeConfig defaults(int resolution) {
    return new AeConfig(resolution, 64, 32, 128, 1, 16, 0.2);
  }

  /** Encoder channels at sides R/2, R/4, ..., 4 (after the space-to-depth that halves the side). */
  public List<Integer> encoderChannels() {
    List<Integer> ch = new ArrayList<>();
    for (int side = resolution / 2, c = width; side >= 4; side /= 2, c = Math.min(c * 2, maxChannels)) {
      ch.add(c);
    }
    return ch;
  }

  /** Decoder channels at sides 4, 8, ..., R/2: the encoder's, mirrored, starting from twice its deepest. */
  public List<Integer> decoderChannels() {
    List<Integer> enc = encoderChannels();
    List<Integer> ch = new ArrayList<>();
    ch.add(Math.min(2 * enc.get(enc.size() - 1), 2 * maxChannels));
    for (int i = enc.size() - 2; i >= 0; i--) {
      ch.add(enc.get(i));
    }
    return ch;
  }
}

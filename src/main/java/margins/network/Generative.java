package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * A network Margins explores: images encode to codes of {@code config().latent()} numbers, and codes decode to
 * images through named stages that hooks (bends, noise, mixing) can reach.
 */
public interface Generative extends AutoCloseable {

  /** The architecture: image side, code length, and the rest of its own. */
  NetConfig config();

  /** The manager that holds the weights; generation works in sub-managers of it. */
  NDManager manager();

  /** The decoder's stages in order, as hooks and bending configs name them. */
  List<String> stageNames();

  /**
   * The codes of images (B, 3, R, R) in [0, 1]: their means (B, L) and log-variances (B, L). A deterministic
   * encoder gives the log-variance of the noise it was trained to decode through.
   */
  NDList posterior(NDArray images, boolean training);

  /** The decoder's last maps (B, 3, R, R) for codes (B, L), each stage passed through the hook. */
  NDArray logits(NDArray z, boolean training, LayerHook hook);

  /** Images (B, 3, R, R) in [0, 1] for codes (B, L), at generation time. */
  NDArray decode(NDArray z, LayerHook hook);

  /** Every trainable parameter, in the order checkpoints store them. */
  List<Parameter> parameters();

  /** Stops recording gradients and freezes what generation can compute once. */
  Generative forGeneration();

  @Override
  void close();
}

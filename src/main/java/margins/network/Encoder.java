package margins.network;

import ai.djl.nn.SequentialBlock;

/** The encoder: an image (B, 3, R, R) in [0, 1] to the posterior's mean and log-variance (B, 2 * latent). */
public final class Encoder extends SequentialBlock {

  public Encoder(VaeConfig c) {
    for (int s = 1; s <= c.stages(); s++) {
      // 4x4 stride-2 convolutions halve the side: R -> R/2 ... -> 4
      add(Stages.conv(c.channels(s), 4, 2, 1)).add(Stages.leaky());
    }
    add(Stages.flatten()).add(Stages.linear(2L * c.latent()));
  }
}

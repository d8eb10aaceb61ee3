package margins.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import margins.image.Images;
import margins.network.LayerHook;

/** Decodes latents into images, one at a time so that a recipe always makes the same bits again. */
public final class Generator {

  private final Model model;

  public Generator(Model model) {
    this.model = model;
  }

  public Model model() {
    return model;
  }

  /** The image a latent decodes to, through the hook. */
  public BufferedImage image(float[] latent, LayerHook hook) {
    int l = model.vae().config().latent();
    if (latent.length != l) {
      throw new IllegalArgumentException("a latent for this model has " + l + " numbers, not " + latent.length);
    }
    try (NDManager m = model.vae().manager().newSubManager()) {
      // A batch of one: batched decoding can round differently in the last bit.
      NDArray img = model.vae().decode(m.create(latent, new Shape(1, l)), hook); // (1, 3, R, R)
      return Images.fromBatch(img).get(0);
    }
  }
}

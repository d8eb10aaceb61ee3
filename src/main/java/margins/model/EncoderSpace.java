package margins.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import margins.measure.FeatureSpace;
import margins.network.Generative;

/**
 * The model's own encoder as a feature space: each image's posterior mean (the latent the encoder would give it).
 * It sees what this network learned to tell apart, so it is sharp but not neutral: it judges outputs with the
 * network that made them. Images must have the model's resolution.
 */
public final class EncoderSpace implements FeatureSpace {

  public static final String ID = "encoder";

  /** Images per encoder call. */
  private static final int BATCH = 128;

  private final Generative vae;

  public EncoderSpace(Generative vae) {
    this.vae = vae;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int dimension(int imageSize) {
    requireSize(imageSize);
    return vae.config().latent();
  }

  @Override
  public float[][] embed(List<float[]> images, int size) {
    requireSize(size);
    int plane = 3 * size * size;
    int l = vae.config().latent();
    float[][] out = new float[images.size()][];
    for (int start = 0; start < images.size(); start += BATCH) {
      int b = Math.min(BATCH, images.size() - start);
      float[] x = new float[b * plane]; // (B, 3, R, R)
      for (int i = 0; i < b; i++) {
        float[] im = images.get(start + i);
        if (im.length != plane) {
          throw new IllegalArgumentException(
              "image " + (start + i) + " has " + im.length + " values, expected 3 x " + size + " x " + size);
        }
        System.arraycopy(im, 0, x, i * plane, plane);
      }
      try (NDManager m = vae.manager().newSubManager()) {
        NDArray mu = vae.posterior(m.create(x, new Shape(b, 3, size, size)), false).get(0); // (B, L)
        float[] flat = mu.toFloatArray();
        for (int i = 0; i < b; i++) {
          out[start + i] = java.util.Arrays.copyOfRange(flat, i * l, (i + 1) * l);
        }
      }
    }
    return out;
  }

  private void requireSize(int size) {
    int r = vae.config().resolution();
    if (size != r) {
      throw new IllegalArgumentException("the encoder space takes " + r + "x" + r + " images (the model's size), not "
          + size + "x" + size);
    }
  }
}

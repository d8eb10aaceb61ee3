package margins.image;

import ai.djl.ndarray.NDArray;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Conversions between tensors (B, 3, H, W) in [0, 1] and 8-bit RGB images. */
public final class Images {

  private Images() {}

  /** Every image of a batch (B, 3, H, W) in [0, 1], rounded to 8 bits. */
  public static List<BufferedImage> fromBatch(NDArray batch) {
    long[] s = batch.getShape().getShape();
    float[] v = batch.toFloatArray();
    int b = (int) s[0];
    int h = (int) s[2];
    int w = (int) s[3];
    List<BufferedImage> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      out.add(fromChw(v, i * 3 * h * w, h, w));
    }
    return out;
  }

  /** One image from floats laid out (3, H, W) at an offset. */
  public static BufferedImage fromChw(float[] v, int offset, int h, int w) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int plane = h * w;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = offset + y * w + x;
        int r = to8(v[p]);
        int g = to8(v[p + plane]);
        int b = to8(v[p + 2 * plane]);
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  /** Floats (3, H, W) in [0, 1] from an RGB image, written at an offset. */
  public static void toChw(BufferedImage img, float[] dst, int offset) {
    int h = img.getHeight();
    int w = img.getWidth();
    int plane = h * w;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        int p = offset + y * w + x;
        dst[p] = ((rgb >> 16) & 0xff) / 255f;
        dst[p + plane] = ((rgb >> 8) & 0xff) / 255f;
        dst[p + 2 * plane] = (rgb & 0xff) / 255f;
      }
    }
  }

  static int to8(float f) {
    float c = Float.isNaN(f) ? 0f : Math.max(0f, Math.min(1f, f));
    return Math.round(c * 255f);
  }
}

package margins.archive;

import java.awt.image.BufferedImage;

/** Frames an upright RGB image to the archive's square (crop, pad or stretch) and resizes it to RGB bytes. */
final class Framer {

  private final IngestOptions options;

  Framer(IngestOptions options) {
    this.options = options;
  }

  /** The image as size x size x 3 bytes, RGB, rows top to bottom. */
  byte[] frame(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int t = options.size();
    switch (options.frame()) {
      case CROP: {
        int side = Math.min(w, h);
        return place(image, (w - side) / 2, (h - side) / 2, side, side, t, t);
      }
      case STRETCH:
        return place(image, 0, 0, w, h, t, t);
      case PAD:
      default: {
        int dw = w >= h ? t : Math.max(1, (int) Math.round((double) w * t / h));
        int dh = h >= w ? t : Math.max(1, (int) Math.round((double) h * t / w));
        return place(image, 0, 0, w, h, dw, dh);
      }
    }
  }

  /** Resizes the (sx, sy, sw, sh) region to (dw x dh) and centres it on a background square. */
  private byte[] place(BufferedImage image, int sx, int sy, int sw, int sh, int dw, int dh) {
    int t = options.size();
    int[] argb = image.getRGB(sx, sy, sw, sh, null, 0, sw);
    byte[] out = new byte[t * t * 3];
    fill(out, options.background());
    int ox = (t - dw) / 2;
    int oy = (t - dh) / 2;
    for (int c = 0; c < 3; c++) {
      int shift = 16 - 8 * c;
      float[] plane = new float[sw * sh];
      for (int i = 0; i < plane.length; i++) {
        plane[i] = (argb[i] >> shift) & 0xff;
      }
      float[] resized = ImageResampler.resize(plane, sw, sh, dw, dh);
      for (int y = 0; y < dh; y++) {
        for (int x = 0; x < dw; x++) {
          int v = Math.round(resized[y * dw + x]);
          out[((oy + y) * t + ox + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
        }
      }
    }
    return out;
  }

  private static void fill(byte[] out, int rgb) {
    for (int i = 0; i < out.length; i += 3) {
      out[i] = (byte) (rgb >> 16);
      out[i + 1] = (byte) (rgb >> 8);
      out[i + 2] = (byte) rgb;
    }
  }
}

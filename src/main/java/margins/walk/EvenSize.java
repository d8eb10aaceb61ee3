package margins.walk;

import java.awt.image.BufferedImage;

/** Pads an image to even width and height by repeating its last column and row, for H.264. */
final class EvenSize {

  private EvenSize() {}

  static BufferedImage pad(BufferedImage in) {
    int w = in.getWidth();
    int h = in.getHeight();
    int ew = w + (w % 2);
    int eh = h + (h % 2);
    if (ew == w && eh == h && in.getType() == BufferedImage.TYPE_INT_RGB) {
      return in;
    }
    BufferedImage out = new BufferedImage(ew, eh, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < eh; y++) {
      for (int x = 0; x < ew; x++) {
        out.setRGB(x, y, in.getRGB(Math.min(x, w - 1), Math.min(y, h - 1)));
      }
    }
    return out;
  }
}

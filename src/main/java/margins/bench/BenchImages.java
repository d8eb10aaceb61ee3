package margins.bench;

import java.awt.image.BufferedImage;
import margins.image.Png;

/** A small PNG of the size outputs have (32 x 32, a recipe-sized text chunk), for benchmarks that need files. */
final class BenchImages {

  private BenchImages() {}

  static byte[] png() {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | ((x ^ y) * 8 & 0xff));
      }
    }
    return Png.encode(img, "margins-recipe", "x".repeat(1500));
  }
}

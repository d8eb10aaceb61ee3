package margins.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import margins.archive.TrainingSet;
import margins.image.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sheet of the archive's own held-out images, beside which its regimes' sheets are judged. */
class DemoTest {

  @TempDir Path tmp;

  @Test
  void theArchiveSheetShowsTheHeldOutImagesInOrderEightToARow() {
    int size = 4;
    int n = 12;
    byte[] px = new byte[n * size * size * 3];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < size * size * 3; p++) {
        px[i * size * size * 3 + p] = (byte) (i * 20);
      }
    }
    TrainingSet set = new TrainingSet(px, n, size, "t");
    Path file = Demo.archiveSheet(set, new int[] {3, 7, 11, 0, 5, 9, 1, 2, 4}, tmp.resolve("a/sheet.png"));
    BufferedImage sheet = Png.read(file);
    // Tiles of 64 px (4 px enlarged 16x) with 2 px gutters: 8 columns, 2 rows for 9 images.
    assertEquals(8 * 66 + 2, sheet.getWidth());
    assertEquals(2 * 66 + 2, sheet.getHeight());
    assertEquals(3 * 20, sheet.getRGB(2 + 10, 2 + 10) & 0xff, "first tile: image 3");
    assertEquals(7 * 20, sheet.getRGB(2 + 66 + 10, 2 + 10) & 0xff, "second tile: image 7");
    assertEquals(4 * 20, sheet.getRGB(2 + 10, 2 + 66 + 10) & 0xff, "ninth tile, second row: image 4");
  }
}

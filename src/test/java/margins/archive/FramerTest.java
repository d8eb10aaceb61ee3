package margins.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FramerTest {

  private static final int GREEN = 0x00ff00;
  private static final int RED = 0xff0000;
  private static final int BLUE = 0x0000ff;

  /** 128x64: columns 0-31 green, 32-95 red, 96-127 blue. */
  private static BufferedImage wide() {
    BufferedImage img = TestImages.solid(128, 64, RED);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(GREEN));
    g.fillRect(0, 0, 32, 64);
    g.setColor(new Color(BLUE));
    g.fillRect(96, 0, 32, 64);
    g.dispose();
    return img;
  }

  private static int at(byte[] px, int size, int x, int y) {
    int i = (y * size + x) * 3;
    return (px[i] & 0xff) << 16 | (px[i + 1] & 0xff) << 8 | (px[i + 2] & 0xff);
  }

  private static byte[] frame(Frame frame, int background) {
    return new Framer(new IngestOptions(32, frame, background)).frame(wide());
  }

  @Test
  void cropKeepsOnlyTheCentreSquare() {
    byte[] px = frame(Frame.CROP, 0xffffff);
    assertEquals(32 * 32 * 3, px.length);
    assertEquals(RED, at(px, 32, 0, 0));
    assertEquals(RED, at(px, 32, 31, 31));
    assertEquals(RED, at(px, 32, 16, 16));
  }

  @Test
  void padLetterboxesTheWholeImageOnTheBackground() {
    byte[] px = frame(Frame.PAD, 0x123456);
    assertEquals(0x123456, at(px, 32, 16, 0));
    assertEquals(0x123456, at(px, 32, 16, 7));
    assertEquals(GREEN, at(px, 32, 0, 8));
    assertEquals(RED, at(px, 32, 16, 16));
    assertEquals(BLUE, at(px, 32, 31, 23));
    assertEquals(0x123456, at(px, 32, 16, 24));
    assertEquals(0x123456, at(px, 32, 0, 31));
  }

  @Test
  void stretchSquashesTheWholeImageToTheSquare() {
    byte[] px = frame(Frame.STRETCH, 0xffffff);
    assertEquals(GREEN, at(px, 32, 0, 0));
    assertEquals(RED, at(px, 32, 16, 0));
    assertEquals(BLUE, at(px, 32, 31, 31));
  }

  @Test
  void shrinkingAveragesAreasInsteadOfPickingPixels() {
    BufferedImage checker = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0x000000);
      }
    }
    byte[] px = new Framer(new IngestOptions(32, Frame.STRETCH, 0)).frame(checker);
    assertEquals(0x808080, at(px, 32, 10, 10), "half white, half black averages to mid gray");
  }

  @Test
  void enlargingASmallImageKeepsFlatColoursExact() {
    byte[] px = new Framer(new IngestOptions(64, Frame.CROP, 0)).frame(TestImages.solid(5, 5, 0x336699));
    byte[] expected = new byte[64 * 64 * 3];
    for (int i = 0; i < expected.length; i += 3) {
      expected[i] = 0x33;
      expected[i + 1] = 0x66;
      expected[i + 2] = (byte) 0x99;
    }
    assertArrayEquals(expected, px);
  }
}

package margins.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

  @TempDir Path dir;

  private final ImageDecoder decoder = new ImageDecoder(0xffffff);

  private ImageDecoder.Decoded decode(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return decoder.decode(file);
  }

  private String reasonFor(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return assertThrows(ImageDecoder.Unusable.class, () -> decoder.decode(file)).getMessage();
  }

  private static int rgb(ImageDecoder.Decoded d, int x, int y) {
    return d.image().getRGB(x, y) & 0xffffff;
  }

  private static void assertNear(int expected, int actual, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = (expected >> shift) & 0xff;
      int a = (actual >> shift) & 0xff;
      assertTrue(Math.abs(e - a) <= tolerance,
          String.format("expected ~#%06x, got #%06x", expected, actual));
    }
  }

  @Test
  void aSixteenBitGrayscalePngKeepsItsMidGray() throws Exception {
    BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    short[] data = ((java.awt.image.DataBufferUShort) gray.getRaster().getDataBuffer()).getData();
    Arrays.fill(data, (short) 0x8080);
    ImageDecoder.Decoded d = decode("gray16.png", TestImages.encode(gray, "png"));
    assertEquals("png", d.format());
    assertNear(0x808080, rgb(d, 3, 3), 2);
  }

  @Test
  void aPalettePngDecodesToItsColours() throws Exception {
    BufferedImage indexed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
    indexed.createGraphics().drawImage(TestImages.halves(8, 8, 0xff0000, 0x0000ff), 0, 0, null);
    ImageDecoder.Decoded d = decode("palette.png", TestImages.encode(indexed, "png"));
    assertNear(0xff0000, rgb(d, 0, 0), 8);
    assertNear(0x0000ff, rgb(d, 7, 7), 8);
  }

  @Test
  void transparentPixelsAreFlattenedOnTheBackground() throws Exception {
    BufferedImage rgba = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0xff00ff00);
    rgba.setRGB(1, 0, 0x80000000);
    Path file = Files.write(dir.resolve("alpha.png"), TestImages.encode(rgba, "png"));
    assertEquals(0xffffff, decoder.decode(file).image().getRGB(5, 5) & 0xffffff);
    assertEquals(0x00ff00, decoder.decode(file).image().getRGB(0, 0) & 0xffffff);
    assertNear(0x7f7f7f, decoder.decode(file).image().getRGB(1, 0) & 0xffffff, 2);
    ImageDecoder.Decoded onBlack = new ImageDecoder(0x000000).decode(file);
    assertEquals(0x000000, onBlack.image().getRGB(5, 5) & 0xffffff);
  }

  @Test
  void aCmykJpegIsConvertedToRgb() throws Exception {
    ImageDecoder.Decoded d = decode("cmyk.jpg", TestImages.adobeCmykJpeg(8, 8, 0, 255, 255, 0));
    assertEquals("jpeg", d.format());
    assertNear(0xff0000, rgb(d, 4, 4), 40);
  }

  @Test
  void exifOrientationSixTurnsAWideJpegUpright() throws Exception {
    byte[] jpeg = TestImages.jpegWithOrientation(TestImages.halves(16, 8, 0xff0000, 0x0000ff), 6);
    ImageDecoder.Decoded d = decode("rotated.jpg", jpeg);
    assertEquals(8, d.image().getWidth());
    assertEquals(16, d.image().getHeight());
    assertEquals(8, d.width());
    assertEquals(16, d.height());
    assertNear(0xff0000, rgb(d, 4, 2), 40);
    assertNear(0x0000ff, rgb(d, 4, 13), 40);
  }

  @Test
  void everyOrientationMapsTheCornersAsExifDefines() {
    // Where, in a 3x2 stored image, the pixel shown top-left comes from, per orientation 1..8.
    int[][] topLeftFrom = {{}, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {0, 1}, {2, 1}, {2, 0}};
    for (int o = 1; o <= 8; o++) {
      BufferedImage src = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
      src.setRGB(topLeftFrom[o][0], topLeftFrom[o][1], 0x123456);
      BufferedImage up = Orientation.apply(src, o);
      assertEquals(o >= 5 ? 2 : 3, up.getWidth(), "orientation " + o);
      assertEquals(0x123456, up.getRGB(0, 0) & 0xffffff, "orientation " + o);
    }
  }

  @Test
  void theFirstFrameOfAnAnimatedGifIsUsed() throws Exception {
    ImageDecoder.Decoded d = decode("anim.gif", TestImages.animatedGif(0xff0000, 0x0000ff));
    assertEquals("gif", d.format());
    assertNear(0xff0000, rgb(d, 4, 4), 8);
  }

  @Test
  void bmpAndTiffAreRead() throws Exception {
    BufferedImage img = TestImages.halves(8, 8, 0x00ff00, 0xff00ff);
    ImageDecoder.Decoded bmp = decode("a.bmp", TestImages.encode(img, "bmp"));
    ImageDecoder.Decoded tiff = decode("a.tif", TestImages.encode(img, "tiff"));
    assertEquals("bmp", bmp.format());
    assertEquals("tiff", tiff.format());
    assertEquals(0xff00ff, rgb(bmp, 7, 0));
    assertEquals(0x00ff00, rgb(tiff, 0, 7));
  }

  @Test
  void aLosslessWebpIsRead() throws Exception {
    ImageDecoder.Decoded d = decode("a.webp", TestImages.solidWebp(8, 8, 0xc86432));
    assertEquals("webp", d.format());
    assertEquals(0xc86432, rgb(d, 5, 5));
  }

  @Test
  void anEmptyFileIsSkippedAsEmpty() throws Exception {
    assertEquals("empty file", reasonFor("empty.png", new byte[0]));
  }

  @Test
  void aTruncatedPngIsSkippedWithItsReason() throws Exception {
    byte[] png = TestImages.encode(TestImages.numbered(3), "png");
    String reason = reasonFor("cut.png", Arrays.copyOf(png, png.length / 2));
    assertTrue(reason.startsWith("truncated") || reason.startsWith("corrupt"), reason);
  }

  @Test
  void corruptBytesAndTextAreNotImages() throws Exception {
    byte[] noise = new byte[300];
    new java.util.Random(7).nextBytes(noise);
    assertTrue(reasonFor("noise.jpg", noise).startsWith("not an image"));
    byte[] text = "this is a note, not a picture\n".getBytes(StandardCharsets.UTF_8);
    assertTrue(reasonFor("note.png", text).startsWith("not an image"));
  }

  @Test
  void aPngWithACorruptBodyIsSkippedAsCorrupt() throws Exception {
    byte[] png = TestImages.encode(TestImages.numbered(5), "png");
    for (int i = 60; i < png.length - 20; i++) {
      png[i] ^= 0x5a;
    }
    String reason = reasonFor("garbled.png", png);
    assertTrue(reason.startsWith("corrupt") || reason.startsWith("truncated"), reason);
  }

  @Test
  void aTinyFileClaimingTenGigapixelsIsABomb() throws Exception {
    String reason = reasonFor("bomb.png", TestImages.pngHeaderClaiming(100_000, 100_000));
    assertTrue(reason.startsWith("decompression bomb"), reason);
  }

  @Test
  void theBombRuleWeighsClaimedPixelsAgainstFileSize() {
    assertThrows(ImageDecoder.Unusable.class, () -> ImageDecoder.checkHeader(20_000, 20_000, 1_000));
    assertThrows(ImageDecoder.Unusable.class, () -> ImageDecoder.checkHeader(40_000, 40_000, 1L << 30));
    assertDoesNotThrow(() -> ImageDecoder.checkHeader(6000, 6000, 100_000));
    assertDoesNotThrow(() -> ImageDecoder.checkHeader(3000, 3000, 10));
  }

  @Test
  void aStripBeyondSixteenToOneIsAnAbsurdAspectRatio() throws Exception {
    String reason = reasonFor("strip.png", TestImages.encode(TestImages.solid(2000, 10, 0x333333), "png"));
    assertTrue(reason.startsWith("absurd aspect ratio"), reason);
  }

  @Test
  void aLargeImageIsDecodedSubsampled() throws Exception {
    BufferedImage big = new BufferedImage(6000, 6000, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = big.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 6000, 6000);
    g.setColor(java.awt.Color.BLACK);
    g.fillRect(0, 0, 3000, 6000);
    g.dispose();
    Path file = TestImages.write(big, "png", dir.resolve("big.png"));
    big = null;
    ImageDecoder.Decoded d = decoder.decode(file);
    assertEquals(3, d.subsampling());
    assertEquals(2000, d.image().getWidth());
    assertEquals(6000, d.width());
    assertEquals(0x000000, rgb(d, 100, 1000));
    assertEquals(0xffffff, rgb(d, 1900, 1000));
  }
}

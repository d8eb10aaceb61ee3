package margins.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXIF orientation in each container that carries one: the stored image is turned upright on ingest. */
class OrientationTest {

  @TempDir Path dir;

  private final ImageDecoder decoder = new ImageDecoder(0xffffff);

  /** 16 wide, 8 high: red on the left, blue on the right. */
  private static final BufferedImage WIDE = TestImages.halves(16, 8, 0xff0000, 0x0000ff);

  private ImageDecoder.Decoded decode(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return decoder.decode(file);
  }

  /** Orientation 6 turns the stored image a quarter clockwise: the red left half ends up on top. */
  private static void assertTurnedClockwise(ImageDecoder.Decoded d) {
    assertEquals(8, d.image().getWidth());
    assertEquals(16, d.image().getHeight());
    assertEquals(0xff0000, d.image().getRGB(4, 2) & 0xffffff);
    assertEquals(0x0000ff, d.image().getRGB(4, 13) & 0xffffff);
  }

  @Test
  void aPngsExifChunkTurnsItUpright() throws Exception {
    ImageDecoder.Decoded d = decode("turned.png", OrientedImages.png(WIDE, 6));
    assertEquals("png", d.format());
    assertTurnedClockwise(d);
  }

  @Test
  void aTiffsOwnOrientationTagTurnsItUpright() throws Exception {
    ImageDecoder.Decoded d = decode("turned.tif", OrientedImages.tiff(WIDE, 6));
    assertEquals("tiff", d.format());
    assertTurnedClockwise(d);
  }

  @Test
  void aTiffWithoutTheTagIsShownAsStored() throws Exception {
    ImageDecoder.Decoded d = decode("plain.tif", OrientedImages.tiff(WIDE, 1));
    assertEquals(16, d.image().getWidth());
    assertEquals(0xff0000, d.image().getRGB(2, 4) & 0xffffff);
  }

  @Test
  void aWebpsExifChunkSwapsItsSides() throws Exception {
    ImageDecoder.Decoded d = decode("turned.webp", OrientedImages.webp(16, 8, 0x40a060, 6));
    assertEquals("webp", d.format());
    assertEquals(8, d.image().getWidth());
    assertEquals(16, d.image().getHeight());
    assertEquals(0x40a060, d.image().getRGB(3, 12) & 0xffffff);
  }

  @Test
  void aPngWithABrokenExifChunkIsShownAsStored() throws Exception {
    byte[] png = OrientedImages.png(WIDE, 6);
    png[8 + 25 + 8] = 'X'; // the eXIf data's byte-order mark: no longer a TIFF structure
    ImageDecoder.Decoded d = decode("broken.png", png);
    assertEquals(16, d.image().getWidth());
  }
}

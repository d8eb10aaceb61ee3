package margins.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import margins.MarginsException;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.MediaHeaderBox;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.MovieHeaderBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class AnimationWritersTest {

  /** n frames of a bar sweeping across a w x h picture. */
  private static List<BufferedImage> frames(int n, int w, int h) {
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          boolean bar = Math.abs(x - i * w / n) < 3;
          img.setRGB(x, y, bar ? 0xFFFFFF : (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x40);
        }
      }
      out.add(img);
    }
    return out;
  }

  @Test
  void aGifReadsBackWithItsFramesSizeDelayAndLoopExtension(@TempDir Path dir) throws Exception {
    Path gif = dir.resolve("loop.gif");
    AnimationWriters.forFormat("gif").write(frames(5, 20, 12), 25, gif);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      assertEquals(5, reader.getNumImages(true));
      assertEquals(20, reader.read(4).getWidth());
      assertEquals(12, reader.read(4).getHeight());
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
      assertEquals("4", gce.getAttribute("delayTime"));
      assertEquals("none", gce.getAttribute("disposalMethod"));
      Node app = root.getElementsByTagName("ApplicationExtension").item(0);
      assertEquals("NETSCAPE", ((IIOMetadataNode) app).getAttribute("applicationID"));
      assertEquals("2.0", ((IIOMetadataNode) app).getAttribute("authenticationCode"));
      assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) ((IIOMetadataNode) app).getUserObject(), "loop forever");
    } finally {
      reader.dispose();
    }
  }

  @Test
  void pngFramesAreNumberedFromZero(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("frames");
    AnimationWriters.forFormat("png").write(frames(3, 8, 6), 12, folder);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of("frame-0000.png", "frame-0001.png", "frame-0002.png"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(8, ImageIO.read(folder.resolve("frame-0002.png").toFile()).getWidth());
  }

  private static int[] countFramesAndSize(Path mp4) throws Exception {
    try (SeekableByteChannel ch = NIOUtils.readableChannel(mp4.toFile())) {
      AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
      int count = 0;
      int w = 0;
      int h = 0;
      for (BufferedImage f; (f = grab.getFrame()) != null; count++) {
        w = f.getWidth();
        h = f.getHeight();
      }
      return new int[] {count, w, h};
    }
  }

  @Test
  void anMp4ReadsBackWithItsFrameCountAndSize(@TempDir Path dir) throws Exception {
    Path mp4 = dir.resolve("walk.mp4");
    new Mp4Writer(Optional.empty()).write(frames(6, 32, 24), 12, mp4);
    assertArrayEquals(new int[] {6, 32, 24}, countFramesAndSize(mp4));
  }

  @Test
  void anMp4CarriesNoWallClockTimeSoTheSameFramesGiveTheSameBytes(@TempDir Path dir) throws Exception {
    Path mp4 = dir.resolve("walk.mp4");
    new Mp4Writer(Optional.empty()).write(frames(3, 16, 16), 12, mp4);
    // Zero in an MP4 header is 1904-01-01; jcodec reads it back as Java milliseconds.
    long zero = Instant.parse("1904-01-01T00:00:00Z").toEpochMilli();
    try (SeekableByteChannel ch = NIOUtils.readableChannel(mp4.toFile())) {
      MovieBox movie = MP4Util.parseMovieChannel(ch);
      MovieHeaderBox mvhd = NodeBox.findFirst(movie, MovieHeaderBox.class, "mvhd");
      assertEquals(zero, mvhd.getCreated());
      assertEquals(zero, mvhd.getModified());
      for (MediaHeaderBox mdhd : NodeBox.findDeep(movie, MediaHeaderBox.class, "mdhd")) {
        assertEquals(zero, mdhd.getCreated());
      }
      for (TrakBox track : movie.getTracks()) {
        assertEquals(zero, track.getTrackHeader().getCreated());
        assertEquals(zero, track.getTrackHeader().getModified());
      }
    }
    Path again = dir.resolve("again.mp4");
    new Mp4Writer(Optional.empty()).write(frames(3, 16, 16), 12, again);
    assertArrayEquals(Files.readAllBytes(mp4), Files.readAllBytes(again));
  }

  @Test
  void anOddSizedMp4IsPaddedByOnePixelToEven(@TempDir Path dir) throws Exception {
    Path mp4 = dir.resolve("odd.mp4");
    new Mp4Writer(Optional.empty()).write(frames(4, 33, 17), 8, mp4);
    assertArrayEquals(new int[] {4, 34, 18}, countFramesAndSize(mp4));
  }

  @Test
  void aFailingFfmpegIsReportedWithItsOutput(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("ffmpeg");
    Files.writeString(fake, "#!/bin/sh\necho 'Unknown encoder libx264' >&2\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Path mp4 = dir.resolve("out.mp4");
    MarginsException e =
        assertThrows(MarginsException.class, () -> new Mp4Writer(Optional.of(fake)).write(frames(2, 8, 8), 10, mp4));
    assertTrue(e.getMessage().contains("exit 1") && e.getMessage().contains("Unknown encoder libx264"), e.getMessage());
    assertTrue(Files.notExists(mp4), "no half-written output is left behind");
  }

  @Test
  void badInputsFailClearly(@TempDir Path dir) {
    AnimationWriter gif = AnimationWriters.forFormat("gif");
    Path out = dir.resolve("x.gif");
    assertThrows(IllegalArgumentException.class, () -> gif.write(List.of(), 10, out));
    IllegalArgumentException fps =
        assertThrows(IllegalArgumentException.class, () -> gif.write(frames(2, 4, 4), 61, out));
    assertTrue(fps.getMessage().contains("1..60"), fps.getMessage());
    List<BufferedImage> mixed = new ArrayList<>(frames(2, 4, 4));
    mixed.add(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB));
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> gif.write(mixed, 10, out));
    assertTrue(size.getMessage().contains("frame 2 is 5x4"), size.getMessage());
    IllegalArgumentException format =
        assertThrows(IllegalArgumentException.class, () -> AnimationWriters.forFormat("webm"));
    assertTrue(format.getMessage().contains("gif, png, mp4"), format.getMessage());
  }
}

package margins.archive;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF Orientation tag (1..8) of a JPEG, PNG (eXIf chunk), WebP (EXIF chunk) or TIFF (its own first
 * directory), and the rotation or flip that shows the image upright.
 */
final class Orientation {

  static final int NORMAL = 1;

  private Orientation() {}

  /** The file's orientation, or {@link #NORMAL} when its format has none, it has none, or it cannot be read. */
  static int of(Path file, String format) {
    try {
      switch (format) {
        case "jpeg":
          return ofJpeg(file);
        case "png":
          return ofPng(file);
        case "webp":
          return ofWebp(file);
        case "tiff":
          return fromTiff(ImageIO.createImageInputStream(file.toFile()));
        default:
          return NORMAL;
      }
    } catch (IOException | RuntimeException e) {
      // Broken metadata should not cost the artist an image: show it as stored.
      return NORMAL;
    }
  }

  private static int ofJpeg(Path jpeg) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return NORMAL;
      }
      try (InputStream data = exif.get(0).data()) {
        data.read(); // the pad byte after "Exif\0"
        return fromTiff(ImageIO.createImageInputStream(data));
      }
    }
  }

  /** PNG: chunks of (length, type, data, CRC) after the 8-byte signature; EXIF is the eXIf chunk's data. */
  private static int ofPng(Path png) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(png)))) {
      in.skipNBytes(8);
      while (true) {
        int length = in.readInt();
        String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
        if (length < 0 || type.equals("IEND")) {
          return NORMAL;
        }
        if (type.equals("eXIf")) {
          return fromTiff(ImageIO.createImageInputStream(new ByteArrayInputStream(in.readNBytes(length))));
        }
        in.skipNBytes(length + 4L);
      }
    }
  }

  /** WebP: a RIFF file of (fourcc, little-endian size, data padded to even) chunks; EXIF is the EXIF chunk's. */
  private static int ofWebp(Path webp) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(webp)))) {
      in.skipNBytes(12); // "RIFF", size, "WEBP"
      while (true) {
        byte[] fourcc = in.readNBytes(4);
        if (fourcc.length < 4) {
          return NORMAL;
        }
        long size = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        if (new String(fourcc, StandardCharsets.ISO_8859_1).equals("EXIF")) {
          byte[] data = in.readNBytes((int) Math.min(size, 1 << 20));
          // Some writers keep JPEG's "Exif\0\0" prefix before the TIFF header.
          int skip = data.length > 6 && data[0] == 'E' && data[1] == 'x' ? 6 : 0;
          return fromTiff(ImageIO.createImageInputStream(new ByteArrayInputStream(data, skip, data.length - skip)));
        }
        in.skipNBytes(size + (size & 1));
      }
    }
  }

  /** The Orientation entry of a TIFF structure's first directory (EXIF is one); closes the stream. */
  private static int fromTiff(ImageInputStream tiff) throws IOException {
    try (tiff) {
      Directory dir = new TIFFReader().read(tiff);
      Entry e = dir.getEntryById(TIFF.TAG_ORIENTATION);
      int value = e == null ? NORMAL : ((Number) e.getValue()).intValue();
      return value >= 1 && value <= 8 ? value : NORMAL;
    }
  }

  /** Whether the orientation swaps width and height (the four quarter-turn cases). */
  static boolean swapsSides(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /** The upright image for an RGB image stored with the given EXIF orientation. */
  static BufferedImage apply(BufferedImage src, int orientation) {
    if (orientation == NORMAL) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    int[] in = src.getRGB(0, 0, w, h, null, 0, w);
    boolean swap = swapsSides(orientation);
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    int[] out = new int[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        out[y * ow + x] = in[sourceIndex(orientation, x, y, w, h)];
      }
    }
    BufferedImage dst = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
    dst.setRGB(0, 0, ow, oh, out, 0, ow);
    return dst;
  }

  /** Index in the stored image of the pixel shown at (x, y) of the upright one. */
  private static int sourceIndex(int orientation, int x, int y, int w, int h) {
    switch (orientation) {
      case 2: return y * w + (w - 1 - x);
      case 3: return (h - 1 - y) * w + (w - 1 - x);
      case 4: return (h - 1 - y) * w + x;
      case 5: return x * w + y;
      case 6: return (h - 1 - x) * w + y;
      case 7: return (h - 1 - x) * w + (w - 1 - y);
      case 8: return x * w + (w - 1 - y);
      default: return y * w + x;
    }
  }
}

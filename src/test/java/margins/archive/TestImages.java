package margins.archive;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds small image files of every kind the ingest meets, at test time, so no binary fixture is committed. */
public final class TestImages {

  private TestImages() {}

  /** A w x h opaque RGB image of one colour. */
  public static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(rgb));
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  /** An image split vertically: the left half one colour, the right half another. */
  public static BufferedImage halves(int w, int h, int left, int right) {
    BufferedImage img = solid(w, h, left);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(right));
    g.fillRect(w / 2, 0, w - w / 2, h);
    g.dispose();
    return img;
  }

  /** A distinct image per seed, so that many files survive duplicate removal. */
  public static BufferedImage numbered(int seed) {
    BufferedImage img = solid(16, 16, 0x102030 * (seed + 1) & 0xffffff);
    img.setRGB(seed % 16, seed / 16 % 16, 0xffffff ^ img.getRGB(0, 0));
    return img;
  }

  public static Path write(BufferedImage img, String format, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!ImageIO.write(img, format, file.toFile())) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fills a folder with {@code n} distinct small PNGs named 00.png, 01.png, ... */
  public static void distinctPngs(Path folder, int n) {
    for (int i = 0; i < n; i++) {
      write(numbered(i), "png", folder.resolve(String.format("%02d.png", i)));
    }
  }

  /** A two-frame GIF: the first frame one colour, the second another. */
  public static byte[] animatedGif(int first, int second) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int rgb : new int[] {first, second}) {
        BufferedImage frame = solid(8, 8, rgb);
        writer.writeToSequence(new IIOImage(frame, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * A CMYK JPEG as Photoshop writes one: an Adobe APP14 segment (transform 0, no colour transform)
   * and the ink amounts stored inverted (255 - ink), written from a four-band raster.
   */
  public static byte[] adobeCmykJpeg(int w, int h, int c, int m, int y, int k) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    int[] stored = {255 - c, 255 - m, 255 - y, 255 - k};
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        raster.setPixel(col, row, stored);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    byte[] adobe = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(adobe);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A JPEG with an EXIF APP1 segment carrying the given Orientation tag, inserted after SOI. */
  public static byte[] jpegWithOrientation(BufferedImage img, int orientation) {
    byte[] jpeg = encode(img, "jpeg");
    byte[] tiff = OrientedImages.exif(orientation);
    byte[] id = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + id.length + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(id);
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A PNG of only signature, IHDR (8-bit RGB) with the claimed size, a tiny IDAT and IEND: a bomb header. */
  public static byte[] pngHeaderClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] ihdr = {
      (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
      (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height,
      8, 2, 0, 0, 0
    };
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(data.length >>> 24);
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    long c = crc.getValue();
    out.write((int) (c >>> 24));
    out.write((int) (c >>> 16));
    out.write((int) (c >>> 8));
    out.write((int) c);
  }

  /**
   * A lossless WebP (VP8L) of one colour, built by hand: no transforms, no colour cache, and five
   * single-symbol prefix codes (green, red, blue, alpha, distance), so every pixel costs zero bits.
   */
  public static byte[] solidWebp(int w, int h, int rgb) {
    Bits bits = new Bits();
    bits.put(0x2f, 8); // VP8L signature
    bits.put(w - 1, 14);
    bits.put(h - 1, 14);
    bits.put(0, 1); // alpha unused
    bits.put(0, 3); // version 0
    bits.put(0, 1); // no transform
    bits.put(0, 1); // no colour cache
    bits.put(0, 1); // no meta prefix codes
    int[] symbols = {(rgb >> 8) & 0xff, (rgb >> 16) & 0xff, rgb & 0xff, 0xff, 0};
    for (int symbol : symbols) {
      bits.put(1, 1); // simple code
      bits.put(0, 1); // one symbol
      bits.put(1, 1); // 8-bit symbol
      bits.put(symbol, 8);
    }
    byte[] data = bits.bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int padded = data.length + (data.length & 1);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    le32(out, 4 + 8 + padded);
    out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
    le32(out, data.length);
    out.writeBytes(data);
    if ((data.length & 1) == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  static void le32(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  /** Packs values least-significant bit first, as VP8L reads them. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long acc;
    private int n;

    void put(int value, int count) {
      acc |= ((long) value & ((1L << count) - 1)) << n;
      n += count;
      while (n >= 8) {
        out.write((int) (acc & 0xff));
        acc >>>= 8;
        n -= 8;
      }
    }

    byte[] bytes() {
      if (n > 0) {
        out.write((int) (acc & 0xff));
        acc = 0;
        n = 0;
      }
      return out.toByteArray();
    }
  }
}

package margins.archive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small files, built by hand, that carry an EXIF orientation in each container's own way. */
final class OrientedImages {

  private OrientedImages() {}

  /** A big-endian EXIF (TIFF) structure whose one entry is the Orientation tag. */
  static byte[] exif(int orientation) {
    return new byte[] {
      'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, first directory at 8
      0, 1, // one entry
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
      0, 0, 0, 0 // no next directory
    };
  }

  /** A PNG with an eXIf chunk carrying the orientation, placed before the image data. */
  static byte[] png(BufferedImage img, int orientation) {
    byte[] png = TestImages.encode(img, "png");
    int ihdrEnd = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, 13 bytes, CRC
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, ihdrEnd);
    TestImages.chunk(out, "eXIf", exif(orientation));
    out.write(png, ihdrEnd, png.length - ihdrEnd);
    return out.toByteArray();
  }

  /** An uncompressed 8-bit RGB TIFF whose own first directory has the Orientation tag. */
  static byte[] tiff(BufferedImage img, int orientation) {
    int w = img.getWidth();
    int h = img.getHeight();
    int entries = 10;
    int bitsAt = 8 + 2 + entries * 12 + 4; // after the directory
    int pixelsAt = bitsAt + 6;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    be16(out, entries);
    entry(out, 256, 3, 1, w << 16); // ImageWidth, SHORT: the value sits in the high half of the field
    entry(out, 257, 3, 1, h << 16); // ImageLength
    entry(out, 258, 3, 3, bitsAt); // BitsPerSample: 8, 8, 8, stored after the directory
    entry(out, 259, 3, 1, 1 << 16); // Compression: none
    entry(out, 262, 3, 1, 2 << 16); // PhotometricInterpretation: RGB
    entry(out, 273, 4, 1, pixelsAt); // StripOffsets, LONG
    entry(out, 274, 3, 1, orientation << 16); // Orientation
    entry(out, 277, 3, 1, 3 << 16); // SamplesPerPixel
    entry(out, 278, 3, 1, h << 16); // RowsPerStrip: one strip
    entry(out, 279, 4, 1, w * h * 3); // StripByteCounts, LONG
    out.writeBytes(new byte[] {0, 0, 0, 0}); // no next directory
    out.writeBytes(new byte[] {0, 8, 0, 8, 0, 8});
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        out.write(rgb >> 16);
        out.write(rgb >> 8);
        out.write(rgb);
      }
    }
    return out.toByteArray();
  }

  /** An extended WebP (VP8X, EXIF flag set) of one colour, w x h as stored, with an EXIF chunk after the image. */
  static byte[] webp(int w, int h, int rgb, int orientation) {
    byte[] simple = TestImages.solidWebp(w, h, rgb);
    byte[] image = java.util.Arrays.copyOfRange(simple, 12, simple.length); // the VP8L chunk, as it is
    byte[] exif = exif(orientation);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
    TestImages.le32(body, 10);
    body.writeBytes(new byte[] {0x08, 0, 0, 0}); // flags: EXIF present
    le24(body, w - 1);
    le24(body, h - 1);
    body.writeBytes(image);
    body.writeBytes("EXIF".getBytes(StandardCharsets.US_ASCII));
    TestImages.le32(body, exif.length);
    body.writeBytes(exif); // 26 bytes: even, no padding
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    TestImages.le32(out, 4 + body.size());
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream out, int tag, int type, int count, int value) {
    be16(out, tag);
    be16(out, type);
    be32(out, count);
    be32(out, value);
  }

  private static void be16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static void be32(ByteArrayOutputStream out, int v) {
    be16(out, v >>> 16);
    be16(out, v);
  }

  private static void le24(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
  }
}

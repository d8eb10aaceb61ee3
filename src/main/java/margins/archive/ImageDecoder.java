package margins.archive;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns one file into an upright, opaque RGB image, refusing what cannot be trusted before decoding.
 *
 * <p>Decompression-bomb rule, judged from the header alone: a file is refused when it claims more
 * than {@link #MAX_PIXELS} pixels (one gigapixel; no archive image needs more), or when it claims
 * more than {@link #BOMB_FLOOR_PIXELS} pixels and more than {@link #MAX_PIXELS_PER_BYTE} pixels per
 * byte of file. Real images stay far below that ratio (a flat 8-bit RGB PNG reaches about 350, a flat
 * 1-bit one about 8,000), while a bomb claims millions of pixels per byte. Aspect ratios beyond
 * {@link #MAX_ASPECT}:1 are refused as strips and banners that no square frame can show.
 *
 * <p>Memory: images are decoded with source subsampling so that at most {@link #MAX_DECODED_PIXELS}
 * pixels are ever held (about 32 MB even at 16 bits per channel with alpha), whatever the claimed size.
 */
final class ImageDecoder {

  static final long MAX_PIXELS = 1_000_000_000L;
  static final long BOMB_FLOOR_PIXELS = 16_000_000L;
  static final long MAX_PIXELS_PER_BYTE = 10_000L;
  static final double MAX_ASPECT = 16.0;
  static final long MAX_DECODED_PIXELS = 2048L * 2048L;

  /** An upright RGB image, its size as seen (after orientation), format and the subsampling used. */
  record Decoded(BufferedImage image, int width, int height, String format, int subsampling) {}

  /** A file that cannot go into the archive; the message is the reason for the skip report. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final int background;

  ImageDecoder(int background) {
    this.background = background;
  }

  Decoded decode(Path file) throws Unusable {
    try {
      if (Files.size(file) == 0) {
        throw new Unusable("empty file");
      }
      try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
        ImageReader reader = readerFor(in);
        try {
          return decode(file, reader);
        } finally {
          reader.dispose();
        }
      }
    } catch (Unusable u) {
      throw u;
    } catch (IOException e) {
      throw new Unusable((isTruncation(e) ? "truncated: " : "corrupt: ") + describe(e));
    } catch (RuntimeException e) {
      // Plugins throw IndexOutOfBounds, IllegalArgument, NegativeArraySize... on hostile input.
      throw new Unusable("corrupt: decoder failed: " + describe(e));
    }
  }

  private static ImageReader readerFor(ImageInputStream in) throws Unusable {
    if (in == null) {
      throw new Unusable("unreadable: no image stream");
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new Unusable("not an image: format not recognised");
    }
    ImageReader reader = readers.next();
    reader.setInput(in, false, true);
    return reader;
  }

  private Decoded decode(Path file, ImageReader reader) throws IOException, Unusable {
    int w = reader.getWidth(0);
    int h = reader.getHeight(0);
    checkHeader(w, h, Files.size(file));
    int step = subsampling(w, h);
    ImageReadParam param = reader.getDefaultReadParam();
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage raw = reader.read(0, param);
    for (String warning : warnings) {
      if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
        throw new Unusable("truncated: " + warning);
      }
    }
    String format = format(reader.getFormatName());
    int orientation = Orientation.of(file, format);
    BufferedImage upright = Orientation.apply(flatten(raw), orientation);
    boolean swap = Orientation.swapsSides(orientation);
    return new Decoded(upright, swap ? h : w, swap ? w : h, format, step);
  }

  static void checkHeader(long w, long h, long fileBytes) throws Unusable {
    if (w <= 0 || h <= 0) {
      throw new Unusable("corrupt: header claims " + w + "x" + h + " pixels");
    }
    long pixels = w * h;
    if (pixels > MAX_PIXELS) {
      throw new Unusable("decompression bomb: header claims " + w + "x" + h
          + " pixels, more than the limit of " + MAX_PIXELS);
    }
    if (pixels > BOMB_FLOOR_PIXELS && pixels > MAX_PIXELS_PER_BYTE * fileBytes) {
      throw new Unusable("decompression bomb: header claims " + w + "x" + h + " pixels from only "
          + fileBytes + " bytes");
    }
    if ((double) Math.max(w, h) / Math.min(w, h) > MAX_ASPECT) {
      throw new Unusable("absurd aspect ratio: " + w + "x" + h + " is beyond "
          + (int) MAX_ASPECT + ":1");
    }
  }

  /** The smallest whole step that keeps the decoded image within {@link #MAX_DECODED_PIXELS}. */
  static int subsampling(int w, int h) {
    int step = 1;
    while (ceilDiv(w, step) * ceilDiv(h, step) > MAX_DECODED_PIXELS) {
      step++;
    }
    return step;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Composites the image over the background: alpha, palettes, gray and 16 bits all end as 8-bit RGB. */
  private BufferedImage flatten(BufferedImage src) {
    BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(new java.awt.Color(background));
      g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  private static String format(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    switch (n) {
      case "jpg":
        return "jpeg";
      case "tif":
        return "tiff";
      default:
        return n;
    }
  }

  private static boolean isTruncation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof EOFException || m.contains("end of file") || m.contains("unexpected end")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) {
      msg += " (" + root.getMessage() + ")";
    }
    return msg;
  }
}

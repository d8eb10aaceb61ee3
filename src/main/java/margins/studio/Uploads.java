package margins.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import margins.BadParameter;
import margins.Files2;
import margins.Hashes;
import margins.MarginsException;
import margins.sample.Source;
import margins.sample.Vary;

/**
 * Images dropped on the page: refused when larger than the byte limit, when not an image, or when their header
 * claims more pixels than the pixel limit (before anything is decoded); then saved under the exploration's
 * uploads/ by content hash and read as ingest reads archive images, so a truncated or corrupt file is refused with
 * ingest's reason.
 */
final class Uploads {

  /** A dropped file, checked and saved. */
  record Saved(Path file, String name, String sha256, int width, int height) {}

  /** Refused because of its size: answered 413. */
  static final class TooLarge extends BadParameter {
    TooLarge(String message) {
      super(message);
    }
  }

  private Uploads() {}

  /** Checks the bytes and saves them; a clear message naming the file otherwise. */
  static Saved save(Studio studio, String exploration, String name, byte[] bytes) {
    String shown = name == null || name.isBlank() ? "the dropped file" : clean(name);
    long max = studio.options().maxUploadBytes();
    if (bytes.length == 0) {
      throw new BadParameter(shown + " is empty");
    }
    if (bytes.length > max) {
      throw new TooLarge(shown + " is " + mb(bytes.length) + "; the studio takes files up to " + mb(max));
    }
    int w;
    int h;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new BadParameter(shown + " is not an image Margins can read (PNG, JPEG, GIF, BMP, TIFF or WebP)");
      }
      ImageReader r = readers.next();
      try {
        r.setInput(in, true, true);
        w = r.getWidth(0);
        h = r.getHeight(0);
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadParameter b) {
        throw b;
      }
      throw new BadParameter(shown + " cannot be used: its header is unreadable (" + e.getMessage() + ")");
    }
    long pixels = (long) w * h;
    if (w <= 0 || h <= 0 || pixels > studio.options().maxUploadPixels()) {
      throw new TooLarge(shown + " claims " + w + "x" + h + " pixels; the studio takes images up to "
          + studio.options().maxUploadPixels() / 1_000_000 + " million pixels");
    }
    String sha = Hashes.sha256(bytes);
    Path file = studio.folder(exploration).resolve("uploads").resolve(sha + extension(shown));
    Files2.writeAtomic(file, bytes);
    return new Saved(file, shown, sha, w, h);
  }

  /** The saved image, read as ingest reads archive images and encoded by the model (on the worker). */
  static Source encode(Studio studio, Saved s) {
    try {
      return Vary.source(studio.model().vae(), s.file());
    } catch (MarginsException e) {
      throw new BadParameter(e.getMessage().replace("cannot read " + s.file() + " as an image", s.name()
          + " cannot be used").replace(s.file().toString(), s.name()));
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".img";
  }

  /** A file name as shown back: its last part, printable characters only, at most 80. */
  static String clean(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
    return base.length() > 80 ? base.substring(0, 80) : base;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}

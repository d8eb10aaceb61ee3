package margins.archive;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.Hashes;
import margins.MarginsException;

/** One image file read as ingest reads archive images (alpha flattened on white, padded square, area-resized). */
public final class ImageFiles {

  /**
   * A file made ready for a model.
   *
   * @param rgb size x size x 3 bytes, RGB, rows top to bottom
   * @param size the square's side
   * @param sha256 the file's SHA-256, lowercase hex
   */
  public record Square(byte[] rgb, int size, String sha256) {}

  private ImageFiles() {}

  /** Reads, flattens on white, pads to a square and resizes to size (32, 64 or 128); a clear error otherwise. */
  public static Square square(Path file, int size) {
    if (!Files.isRegularFile(file)) {
      throw new MarginsException("no image file at " + file);
    }
    IngestOptions options = new IngestOptions(size, Frame.PAD, IngestOptions.WHITE);
    try {
      ImageDecoder.Decoded d = new ImageDecoder(options.background()).decode(file);
      return new Square(new Framer(options).frame(d.image()), size, Hashes.sha256(file));
    } catch (ImageDecoder.Unusable e) {
      throw new MarginsException("cannot read " + file + " as an image: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new MarginsException("cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }
}

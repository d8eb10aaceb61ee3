package margins.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      Decoder.Decoded d = new Decoder(options.background()).decode(file);
      return new Square(new Framer(options).frame(d.image()), size, Sha256.ofFile(file));
    } catch (Decoder.Unusable e) {
      throw new MarginsException("cannot read " + file + " as an image: " + e.getMessage());
    } catch (IOException e) {
      throw new MarginsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

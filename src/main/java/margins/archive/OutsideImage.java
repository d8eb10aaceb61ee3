package margins.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import margins.MarginsException;

/**
 * An image from outside the archive prepared exactly as ingest prepares archive images: decoded with
 * the same safety checks, turned upright, alpha flattened on white, padded to a square and resized.
 */
public final class OutsideImage {

  private OutsideImage() {}

  /** The image as size x size x 3 RGB bytes, rows top to bottom; a file that cannot be used fails naming why. */
  public static byte[] prepare(Path file, int size) {
    if (!Files.isRegularFile(file)) {
      throw new MarginsException("no image file " + file);
    }
    try {
      ImageDecoder.Decoded d = new ImageDecoder(IngestOptions.WHITE).decode(file);
      return new Framer(new IngestOptions(size, Frame.PAD, IngestOptions.WHITE)).frame(d.image());
    } catch (ImageDecoder.Unusable e) {
      throw new MarginsException("cannot use " + file + " as an image: " + e.getMessage());
    }
  }
}

package margins.walk;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import margins.Files2;

/**
 * A folder of PNG frames, {@code frame-0000.png} upward (five digits and more past 9999), for
 * editors and for ffmpeg; fps is checked but not stored, since PNG has no frame rate.
 */
public final class PngFramesWriter implements AnimationWriter {

  /** The file name of frame {@code i}. */
  public static String name(int i) {
    return String.format("frame-%04d.png", i);
  }

  @Override
  public void write(List<BufferedImage> frames, int fps, Path out) {
    AnimationWriter.check(frames, fps);
    for (int i = 0; i < frames.size(); i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        if (!ImageIO.write(frames.get(i), "png", bytes)) {
          throw new IllegalStateException("no PNG writer in this Java runtime");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode frame " + i, e);
      }
      Files2.writeAtomic(out.resolve(name(i)), bytes.toByteArray());
    }
  }
}

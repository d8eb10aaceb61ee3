package margins.walk;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Writes a list of equal-size frames as one animation at {@code out}. */
@FunctionalInterface
public interface AnimationWriter {

  /**
   * @param frames at least one frame, all the same size (TYPE_INT_RGB expected)
   * @param fps frames per second, 1 to 60
   * @param out the file (or, for frame folders, the folder) to write
   * @throws IllegalArgumentException for no frames, mixed sizes or fps outside 1..60
   */
  void write(List<BufferedImage> frames, int fps, Path out);

  /** Checks the common preconditions every writer shares. */
  static void check(List<BufferedImage> frames, int fps) {
    if (frames == null || frames.isEmpty()) {
      throw new IllegalArgumentException("an animation needs at least one frame");
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("fps must be in 1..60, got " + fps);
    }
    BufferedImage first = frames.get(0);
    if (first == null) {
      throw new IllegalArgumentException("frame 0 is missing");
    }
    for (int i = 1; i < frames.size(); i++) {
      BufferedImage f = frames.get(i);
      if (f == null) {
        throw new IllegalArgumentException("frame " + i + " is missing");
      }
      if (f.getWidth() != first.getWidth() || f.getHeight() != first.getHeight()) {
        throw new IllegalArgumentException(
            "frame " + i + " is " + f.getWidth() + "x" + f.getHeight() + " but frame 0 is "
                + first.getWidth() + "x" + first.getHeight() + "; all frames must be one size");
      }
    }
  }
}

package margins.walk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import margins.BadParameter;

/** The animation writers by format id: {@code gif}, {@code png} (a folder of frames), {@code mp4}. */
public final class AnimationWriters {

  /** Writers by format id. */
  public static final Map<String, AnimationWriter> TABLE;

  static {
    Map<String, AnimationWriter> t = new LinkedHashMap<>();
    t.put("gif", new GifWriter());
    t.put("png", new PngFramesWriter());
    t.put("mp4", Mp4Writer.onPath());
    TABLE = Collections.unmodifiableMap(t);
  }

  private AnimationWriters() {}

  /** The writer for {@code format}; an unknown one fails naming the known ids. */
  public static AnimationWriter forFormat(String format) {
    AnimationWriter w = TABLE.get(format);
    if (w == null) {
      throw new BadParameter(
          "unknown animation format '" + format + "'; allowed: " + String.join(", ", TABLE.keySet()));
    }
    return w;
  }
}

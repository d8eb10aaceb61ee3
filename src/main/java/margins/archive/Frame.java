package margins.archive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import margins.BadParameter;

/** How a non-square image becomes a square: cut its centre, letterbox it, or squash it. */
public enum Frame {
  /** Centre square of the shorter side; the edges of the longer side are lost. */
  CROP,
  /** The whole image, scaled to fit and centred on the background colour. */
  PAD,
  /** The whole image, resized to the square regardless of its proportions. */
  STRETCH;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "crop", "pad" or "stretch" (any case). */
  @JsonCreator
  public static Frame parse(String text) {
    for (Frame f : values()) {
      if (f.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return f;
      }
    }
    throw new BadParameter(
        "unknown frame '" + text + "': use one of " + allowed());
  }

  static String allowed() {
    return Arrays.stream(values()).map(Frame::label).collect(Collectors.joining(", "));
  }
}

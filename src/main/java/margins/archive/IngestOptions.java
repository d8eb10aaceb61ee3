package margins.archive;

import java.util.Locale;
import java.util.Set;
import margins.BadParameter;

/**
 * How to prepare an archive: square side in pixels, framing, and the background that transparency
 * and letterboxing show.
 *
 * <p>The default frame is {@link Frame#PAD}: an artwork's composition runs to its edges (signatures,
 * borders, an off-centre subject), and a centre crop of a portrait or panorama throws that away
 * silently, while padding keeps every mark of the work and only adds bands of one known colour.
 * Use {@code crop} for photographic archives where the subject is centred and full-bleed matters.
 */
public record IngestOptions(int size, Frame frame, int background) {

  /** Square sides the models are built for. */
  public static final Set<Integer> SIZES = Set.of(32, 64, 128);

  public static final int DEFAULT_SIZE = 64;
  public static final Frame DEFAULT_FRAME = Frame.PAD;
  public static final int WHITE = 0xffffff;

  public IngestOptions {
    if (!SIZES.contains(size)) {
      throw new BadParameter("unsupported size " + size + ": use one of 32, 64, 128");
    }
    if (frame == null) {
      throw new BadParameter("a frame is required: use one of " + Frame.allowed());
    }
    background &= 0xffffff;
  }

  public static IngestOptions defaults() {
    return new IngestOptions(DEFAULT_SIZE, DEFAULT_FRAME, WHITE);
  }

  /** The background as "#rrggbb", the form archive.json records. */
  public String backgroundHex() {
    return String.format(Locale.ROOT, "#%06x", background);
  }

  /** Parses "white", "black" or "#rrggbb" into 0xRRGGBB. */
  public static int parseBackground(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "white":
        return WHITE;
      case "black":
        return 0x000000;
      default:
        if (t.matches("#[0-9a-f]{6}")) {
          return Integer.parseInt(t.substring(1), 16);
        }
        throw new BadParameter(
            "unknown background '" + text + "': use white, black or #rrggbb");
    }
  }
}

package margins.store;

import java.util.Map;

/** The colours kinds and edges are drawn in, in the atlas, the lineage graph and their pages. */
public final class Colours {

  /** Kind id to hex colour; anything else (unmeasured, archive) is {@link #OTHER}. */
  public static final Map<String, String> KINDS = Map.of(
      "copy", "#7f7f7f", "mimetic", "#2f7ed8", "marginal", "#e8a33d", "alien", "#d6245c", "noise", "#6c5f4b",
      "archive", "#3aa66a");

  public static final String OTHER = "#9a9a9a";

  private Colours() {}

  public static String kind(String kind) {
    return kind == null ? OTHER : KINDS.getOrDefault(kind, OTHER);
  }

  /** As an AWT colour. */
  public static java.awt.Color awt(String kind) {
    return java.awt.Color.decode(kind(kind));
  }
}

package margins.measure;

import java.util.Locale;
import margins.BadParameter;

/** Where one output falls relative to the archive's k-NN balls; ids are the lower-case names. */
public enum Kind {
  /** Closer to its nearest archive item than that item's own nearest neighbour: {@code d < NND_1(r_nn)}. */
  COPY,
  /** Not a copy, inside a ball from the smaller half: {@code d(g, r_i) <= NND_k(r_i)} and radius <= median. */
  MIMETIC,
  /** Inside some archive ball, but only bigger-than-median ones: the sparse edge of the archive. */
  MARGINAL,
  /** Outside every archive ball. */
  ALIEN;

  /** The kebab-case id used in files and on the command line: "copy", "mimetic", "marginal", "alien". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this id; throws IllegalArgumentException listing the allowed ids. */
  public static Kind byId(String id) {
    for (Kind kind : values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new BadParameter("unknown kind '" + id + "', expected one of copy, mimetic, marginal, alien");
  }
}

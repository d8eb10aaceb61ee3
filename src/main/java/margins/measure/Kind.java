package margins.measure;

import java.util.Arrays;
import java.util.Locale;
import margins.BadParameter;

/**
 * Where one output falls relative to the archive's balls (k-NN radius widened by the archive's tolerance), in the
 * order of the scale: copy, mimetic, marginal, alien, noise. Ids are the lower-case names.
 */
public enum Kind {
  /** A near-duplicate: within the archive's tolerance of its nearest archive item, {@code d <= tau}. */
  COPY,
  /** Not a copy, inside a ball from the smaller half: {@code d(g, r_i) <= NND_k(r_i) + tau} and radius <= median. */
  MIMETIC,
  /** Inside some archive ball, but only bigger-than-median ones: the sparse edge of the archive. */
  MARGINAL,
  /** Outside every archive ball, with the pixel-level structure of a picture: strange. */
  ALIEN,
  /** Not inside a typical ball and without pixel-level structure (see {@link Grain}): strange the uninteresting way. */
  NOISE;

  /** The kebab-case id used in files and on the command line: "copy", "mimetic", "marginal", "alien", "noise". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this id; throws a BadParameter listing the allowed ids. */
  public static Kind byId(String id) {
    for (Kind kind : values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new BadParameter("unknown kind '" + id + "', expected one of "
        + String.join(", ", Arrays.stream(values()).map(Kind::id).toList()));
  }
}

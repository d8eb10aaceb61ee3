package margins.bend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import margins.BadParameter;

/** The table of bending operations, keyed by kebab-case id, each with the parameters it accepts. */
public final class BendOps {

  /** Factories by id; each validates its own parameters. */
  public static final Map<String, BendOp.Factory> TABLE;

  /** The parameter names each op accepts, by id, for help text and error messages. */
  public static final Map<String, String[]> PARAMS;

  static {
    Map<String, BendOp.Factory> t = new LinkedHashMap<>();
    Map<String, String[]> n = new LinkedHashMap<>();
    put(t, n, "translate", Translate::from, "dx", "dy", "nearest");
    put(t, n, "scale", Scale::from, "factor", "nearest");
    put(t, n, "rotate", Rotate::from, "degrees", "nearest");
    put(t, n, "erode", p -> Morphology.from(p, false), "r");
    put(t, n, "dilate", p -> Morphology.from(p, true), "r");
    put(t, n, "multiply", Multiply::from, "factor");
    put(t, n, "binary-threshold", BinaryThreshold::from, "t");
    put(t, n, "flip-h", p -> new Flip(true));
    put(t, n, "flip-v", p -> new Flip(false));
    put(t, n, "invert", p -> new Invert());
    put(t, n, "ablate", p -> new Ablate());
    TABLE = Collections.unmodifiableMap(t);
    PARAMS = Collections.unmodifiableMap(n);
  }

  private BendOps() {}

  private static void put(
      Map<String, BendOp.Factory> t, Map<String, String[]> n, String id, BendOp.Factory f, String... names) {
    t.put(id, f);
    n.put(id, names);
  }

  /**
   * Builds the op {@code id} from {@code params}.
   *
   * @throws IllegalArgumentException for an unknown id (naming the known ones) or bad parameters
   */
  public static BendOp create(String id, Map<String, Double> params) {
    BendOp.Factory f = TABLE.get(id);
    if (f == null) {
      throw new BadParameter(
          "unknown bend op '" + id + "'; allowed: " + String.join(", ", TABLE.keySet()));
    }
    return f.create(OpParams.of(id, params, PARAMS.get(id)));
  }
}

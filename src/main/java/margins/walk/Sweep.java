package margins.walk;

import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.bend.BendOps;

/**
 * One bend or noise parameter moving over a walk's frames. Command-line form
 * {@code LAYER:OP:PARAM=FROM..TO[:SHAPE[,cycles=N]]}: OP is a bend op or {@code noise} (whose only
 * sweepable parameter is {@code strength}); SHAPE is linear (default), ping-pong, sine or constant.
 * Frame i of n sits at t = i / n, so ping-pong and sine return to FROM and loop seamlessly, while
 * linear stops one step short of TO (on a loop, TO is FROM again: rotate 0..360 loops too).
 *
 * @param layer the decoder layer
 * @param op the bend op id, or "noise"
 * @param param the parameter that moves
 * @param schedule its value over frame time
 */
public record Sweep(String layer, String op, String param, Schedule schedule) {

  /** The op name for activation noise. */
  public static final String NOISE = "noise";

  /** Checks the op exists and takes the parameter. */
  public Sweep {
    if (layer == null || layer.isBlank()) {
      throw new BadParameter("a sweep needs a layer");
    }
    if (!NOISE.equals(op) && !BendOps.TABLE.containsKey(op)) {
      throw new BadParameter("a sweep's op must be noise or a bend op ("
          + String.join(", ", BendOps.TABLE.keySet()) + "), not '" + op + "'");
    }
    List<String> allowed = NOISE.equals(op) ? List.of("strength") : List.of(BendOps.PARAMS.get(op));
    if (!allowed.contains(param)) {
      throw new BadParameter(op + " has no parameter '" + param + "' to sweep; allowed: "
          + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
    }
    if (schedule == null) {
      throw new BadParameter("a sweep needs a schedule");
    }
  }

  /**
   * Parses {@code LAYER:OP:PARAM=FROM..TO[:SHAPE[,cycles=N]]}, e.g. {@code up2:rotate:degrees=0..360},
   * {@code up1:scale:factor=0.5..2:sine,cycles=2} or {@code up1:noise:strength=0..3:ping-pong}.
   *
   * @throws IllegalArgumentException naming the form and the bad part
   */
  public static Sweep parse(String text) {
    String form = "--sweep must be LAYER:OP:PARAM=FROM..TO[:SHAPE[,cycles=N]], e.g. up2:rotate:degrees=0..360"
        + " or up1:noise:strength=0..2:sine; got '" + text + "'";
    String[] p = text == null ? new String[0] : text.split(":", -1);
    if (p.length < 3 || p.length > 4) {
      throw new BadParameter(form);
    }
    int eq = p[2].indexOf('=');
    int dots = p[2].indexOf("..");
    if (eq <= 0 || dots < eq) {
      throw new BadParameter(form);
    }
    try {
      double from = number(p[2].substring(eq + 1, dots), text);
      double to = number(p[2].substring(dots + 2), text);
      String shape = "linear";
      int cycles = 1;
      if (p.length == 4) {
        String[] s = p[3].split(",", -1);
        shape = s[0].strip();
        if (s.length > 2 || (s.length == 2 && !s[1].strip().startsWith("cycles="))) {
          throw new BadParameter("after the shape only cycles=N may follow, got '" + p[3] + "'");
        }
        if (s.length == 2) {
          cycles = (int) number(s[1].strip().substring("cycles=".length()), text);
        }
      }
      return new Sweep(p[0].strip(), p[1].strip(), p[2].substring(0, eq).strip(),
          new Schedule(shape, from, to, cycles));
    } catch (IllegalArgumentException e) {
      throw new BadParameter(e.getMessage().startsWith("--sweep") ? e.getMessage()
          : "--sweep " + text + ": " + e.getMessage(), e);
    }
  }

  private static double number(String s, String text) {
    try {
      double x = Double.parseDouble(s.strip());
      if (!Double.isFinite(x)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new BadParameter("--sweep " + text + ": '" + s + "' is not a finite number");
    }
  }

  /** Whether this sweep moves a noise operation rather than a bend. */
  public boolean isNoise() {
    return NOISE.equals(op);
  }

  /** The sweep's two ends, for checking before any frame is made. */
  Map<String, Double> ends() {
    return Map.of("from", schedule.from(), "to", schedule.to());
  }
}

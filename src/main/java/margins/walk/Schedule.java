package margins.walk;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import margins.BadParameter;
import margins.math.VectorMath;

/**
 * A scalar over frame time t in [0, 1), for sweeping any bend or noise parameter. Shapes:
 * {@code constant} (from), {@code linear} (from to to across the clip, not a loop),
 * {@code ping-pong} (from to to and back, {@code cycles} times) and {@code sine} (from + (to - from)
 * (1 - cos 2 pi cycles t) / 2). Ping-pong and sine return to {@code from} at t = 1, so they loop.
 */
public record Schedule(String shape, double from, double to, int cycles) implements DoubleUnaryOperator {

  /** The shapes, by id. */
  public static final List<String> SHAPES = List.of("constant", "linear", "ping-pong", "sine");

  /** Checks the shape, finite ends and cycles in [1, 1000]. */
  public Schedule {
    if (!SHAPES.contains(shape)) {
      throw new BadParameter("schedule shape must be one of " + String.join(", ", SHAPES) + "; got '" + shape + "'");
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new BadParameter("schedule ends must be finite numbers");
    }
    if (cycles < 1 || cycles > 1000) {
      throw new BadParameter("schedule cycles must be in [1, 1000], got " + cycles);
    }
  }

  /** The value at frame time t. */
  @Override
  public double applyAsDouble(double t) {
    double span = to - from;
    switch (shape) {
      case "constant":
        return from;
      case "linear":
        return from + span * t;
      case "ping-pong":
        {
          double phase = t * cycles - Math.floor(t * cycles); // [0, 1)
          return from + span * (1 - Math.abs(2 * phase - 1));
        }
      default:
        return from + span * (1 - Math.cos(2 * Math.PI * cycles * t)) / 2;
    }
  }

  /** The values at t = i / frames for i in [0, frames): the times a looping clip's frames sit at. */
  public double[] values(int frames) {
    VectorMath.checkFrames(frames);
    double[] out = new double[frames];
    for (int i = 0; i < frames; i++) {
      out[i] = applyAsDouble(i / (double) frames);
    }
    return out;
  }
}

package margins.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import margins.MarginsException;

/**
 * Checks, before training, that the fast convolution path computes what the reference path does on this very
 * CPU, and switches to the reference when it does not. The network's own forward and backward pass runs on
 * memory that was filled with NaN (then with a huge number) and freed just before, so that a kernel reading
 * memory it never wrote shows at once, as NaN or as two runs that differ. Seen on AMD guests that report no
 * cache sizes: oneDNN 3.7.1's backward pass read unzeroed padding and training turned NaN.
 */
public final class SelfCheck {

  /** Relative error (|fast - reference| over |reference|, per array) above which a path is wrong. */
  public static final double TOLERANCE = 1e-2;

  /** Engine work whose results are compared across paths: a network's forward and backward on fixed inputs. */
  public interface Workload extends AutoCloseable {

    /** A key naming the shapes this work covers (the same key is checked once per process). */
    String key();

    /** Runs the work once and returns its results (outputs, gradients) as plain arrays. */
    List<float[]> run();

    @Override
    void close();
  }

  /**
   * What the check found.
   *
   * @param path the path now in use
   * @param verdict passed, failed (switched to the reference), not needed (GPU, no oneDNN) or forced by the user
   * @param error the fast path's largest relative error against the reference (NaN when not compared)
   * @param millis how long the check took
   * @param detail one line for the user
   */
  public record Result(ConvPath path, Verdict verdict, double error, double millis, String detail) {

    /** Whether training may trust the engine: every verdict but a failing fast path the user forced. */
    public boolean trusted() {
      return verdict != Verdict.FORCED_UNCHECKED;
    }
  }

  /** The check's outcome. */
  public enum Verdict { PASSED, FAILED_SWITCHED, NOT_NEEDED, FORCED, FORCED_UNCHECKED }

  /**
   * The fast path against the reference on one workload.
   *
   * @param error largest relative error of the fast path's results (infinite when they hold NaN)
   * @param finite whether the fast path's results are all finite
   * @param repeatable whether two runs on differently poisoned memory gave the same bits
   * @param referenceFinite whether the reference's results are all finite
   */
  public record Comparison(double error, boolean finite, boolean repeatable, boolean referenceFinite) {

    /** Whether the fast path can be trusted with this work. */
    public boolean passed() {
      return finite && repeatable && error <= TOLERANCE;
    }

    /** What went wrong, in words. */
    public String why() {
      if (!finite) {
        return "gave NaN from memory it never wrote";
      }
      if (!repeatable) {
        return "gave different results on differently poisoned memory";
      }
      return String.format("differs from the reference by %.1e", error);
    }
  }

  private static final Map<String, Result> DONE = new HashMap<>();

  private SelfCheck() {}

  /**
   * Checks a workload once per process (by its key) and sets the engine to the path its result chose: the fast
   * path where it passed, the reference where it did not.
   */
  public static synchronized Result ensure(Workload work, Device device) {
    Result r = DONE.get(work.key());
    if (r == null) {
      r = check(work, device);
      DONE.put(work.key(), r);
    }
    ConvPath path = r.path();
    Libtorch.loaded().ifPresent(t -> {
      if (path != ConvPath.GPU && t.hasOneDnn()) {
        t.oneDnn(path == ConvPath.ONEDNN);
      }
    });
    return r;
  }

  /** Forgets earlier results, so that the next {@link #ensure} checks again (for tests). */
  static synchronized void forget() {
    DONE.clear();
  }

  /** Runs the check now, whatever ran before, and leaves the engine on the path it chose. */
  public static Result check(Workload work, Device device) {
    long t0 = System.nanoTime();
    if (device.isGpu()) {
      return new Result(ConvPath.GPU, Verdict.NOT_NEEDED, Double.NaN, 0, "convolutions run on the GPU");
    }
    Optional<Libtorch> lib = Libtorch.loaded();
    if (lib.isEmpty() || !lib.get().hasOneDnn()) {
      return new Result(ConvPath.ATEN, Verdict.NOT_NEEDED, Double.NaN, 0, "this libtorch has no oneDNN");
    }
    Libtorch torch = lib.get();
    ConvPath forced = ConvPath.forced(System.getenv(ConvPath.ENV));
    if (forced == ConvPath.ATEN) {
      torch.oneDnn(false);
      return new Result(ConvPath.ATEN, Verdict.FORCED, Double.NaN, ms(t0), ConvPath.ENV + "=aten");
    }
    Comparison c = compare(work, torch);
    if (!c.referenceFinite()) {
      throw new MarginsException("the engine's self-check found no correct path: ATen's reference convolutions"
          + " give NaN on this CPU too. Run 'margins doctor' and report what it prints.");
    }
    if (forced == ConvPath.ONEDNN) {
      torch.oneDnn(true);
      return new Result(ConvPath.ONEDNN, c.passed() ? Verdict.FORCED : Verdict.FORCED_UNCHECKED, c.error(),
          ms(t0), ConvPath.ENV + "=onednn" + (c.passed() ? "" : ", although oneDNN " + c.why() + " on this CPU"));
    }
    torch.oneDnn(c.passed());
    if (c.passed()) {
      return new Result(ConvPath.ONEDNN, Verdict.PASSED, c.error(), ms(t0),
          String.format("oneDNN matches the reference (relative error %.1e)", c.error()));
    }
    return new Result(ConvPath.ATEN, Verdict.FAILED_SWITCHED, c.error(), ms(t0),
        "oneDNN " + c.why() + " on this CPU; convolutions use ATen's path instead (correct, slower)");
  }

  /**
   * Runs the work on the reference path, then twice on the fast path (after poisoning memory with NaN, then with
   * a huge number), and compares; the engine's switch is left as it was.
   */
  public static Comparison compare(Workload work, Libtorch torch) {
    boolean was = torch.oneDnn();
    try {
      torch.oneDnn(false);
      List<float[]> reference = poisoned(work, Float.NaN);
      torch.oneDnn(true);
      List<float[]> fast = poisoned(work, Float.NaN);
      List<float[]> again = poisoned(work, -3.0e38f);
      return new Comparison(error(fast, reference), finite(fast), same(fast, again), finite(reference));
    } finally {
      torch.oneDnn(was);
    }
  }

  /** Runs the work on memory filled with `value` and freed just before. */
  static List<float[]> poisoned(Workload work, float value) {
    poison(value);
    return work.run();
  }

  /**
   * Fills and frees blocks from 1 KiB to 4 MiB (two of each): the allocator hands them out again, so a kernel that
   * reads memory it never wrote reads this value.
   */
  public static void poison(float value) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      for (long bytes = 1 << 10; bytes <= 1 << 22; bytes <<= 1) {
        for (int k = 0; k < 2; k++) {
          m.full(new Shape(bytes / 4), value);
        }
      }
    }
  }

  /**
   * The largest, over arrays, of |a - b| / |b| (Euclidean norms). Paths that sum in different orders differ by
   * about 1e-6, up to 2e-3 where values near zero fall on the other side of a LeakyReLU's kink; a kernel that
   * reads garbage differs by 1e-1 and more.
   */
  public static double error(List<float[]> a, List<float[]> b) {
    double worst = 0;
    for (int i = 0; i < b.size(); i++) {
      double diff = 0;
      double norm = 0;
      for (int j = 0; j < b.get(i).length; j++) {
        double d = (double) a.get(i)[j] - b.get(i)[j];
        diff += d * d;
        norm += (double) b.get(i)[j] * b.get(i)[j];
      }
      double e = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-30);
      worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(worst, e);
    }
    return worst;
  }

  private static boolean same(List<float[]> a, List<float[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean finite(List<float[]> arrays) {
    for (float[] a : arrays) {
      for (float v : a) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }
}

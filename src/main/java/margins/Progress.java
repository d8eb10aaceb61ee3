package margins;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * One progress line for a long task: what is done of how many, a bar, a detail (loss, speed), and the time left.
 * On a terminal it is redrawn in place at most four times a second; elsewhere (logs, pipes) it prints a line per
 * tenth of the task. Tasks too short to need one stay silent.
 */
public final class Progress {

  private static final int BAR = 24;
  private static final Progress NONE = new Progress(null, "", 0, 0, false, 0);

  private final PrintWriter out;
  private final String label;
  private final long first;
  private final long total;
  private final boolean terminal;
  private final long minTotal;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long lastTenth = -1;
  private boolean drawn;

  private Progress(PrintWriter out, String label, long first, long total, boolean terminal, long minTotal) {
    this.out = out;
    this.label = label;
    this.first = first;
    this.total = total;
    this.terminal = terminal;
    this.minTotal = minTotal;
  }

  /** Where progress lines go, decided before the task knows its size: a writer, and whether a terminal shows it. */
  public record Target(PrintWriter out, boolean terminal) {

    /** Nowhere. */
    public static final Target NONE = new Target(null, false);

    /** A progress line for a task of `total` units, silent under `minTotal` units. */
    public Progress start(String label, long total, long minTotal) {
      return out == null ? Progress.none() : ofAtLeast(out, label, total, terminal, minTotal);
    }
  }

  /** A line for `total` units starting at `first` (a resumed task), written to `out`. */
  public static Progress of(PrintWriter out, String label, long first, long total, boolean terminal) {
    return new Progress(out, label, first, total, terminal, 0);
  }

  /** The same, but silent when the whole task is under `minTotal` units. */
  public static Progress ofAtLeast(PrintWriter out, String label, long total, boolean terminal, long minTotal) {
    return new Progress(out, label, 0, total, terminal, minTotal);
  }

  /** A progress that says nothing. */
  public static Progress none() {
    return NONE;
  }

  /** Reports `done` units finished, with a detail such as "loss 12.3  1200 img/s" (may be empty). */
  public void update(long done, String detail) {
    if (out == null || total < minTotal || total <= 0) {
      return;
    }
    long now = System.nanoTime();
    double secs = (now - start) / 1e9;
    long doneHere = done - first;
    double eta = doneHere <= 0 ? 0 : secs / doneHere * (total - done);
    String line = String.format("%s %d/%d %s%s  ETA %s", label, done, total, bar(done),
        detail.isEmpty() ? "" : " " + detail, clock(eta));
    if (terminal) {
      if (now - lastDraw > 250_000_000L || done == total) {
        out.print("\r" + line + "   ");
        out.flush();
        lastDraw = now;
        drawn = true;
      }
    } else {
      long tenth = done * 10 / total;
      if (tenth != lastTenth) {
        out.println(line);
        out.flush();
        lastTenth = tenth;
      }
    }
  }

  /** Ends the line (a newline after a redrawn one). */
  public void end() {
    if (out == null) {
      return;
    }
    if (terminal && drawn) {
      out.println();
    }
    out.flush();
  }

  private String bar(long done) {
    int fill = (int) (BAR * Math.min(done, total) / total);
    return "[" + "#".repeat(fill) + "-".repeat(BAR - fill) + "]";
  }

  /** Seconds as 3m07s, or 1h02m beyond an hour. */
  public static String clock(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}

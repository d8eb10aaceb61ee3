package margins.train;

import java.io.PrintWriter;
import java.time.Duration;

/** A one-line progress bar: step, loss, images per second and time left; plain lines when not a terminal. */
public final class Progress {

  private static final int BAR = 24;
  private final PrintWriter out;
  private final int total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final int firstStep;
  private long lastPrint;
  private int lastDecile = -1;

  public Progress(PrintWriter out, int firstStep, int total, boolean terminal) {
    this.out = out;
    this.firstStep = firstStep;
    this.total = total;
    this.terminal = terminal;
  }

  /** Reports a finished step; redraws at most 4 times a second, or once per tenth of the run off a terminal. */
  public void step(int step, double loss, int batch) {
    long now = System.nanoTime();
    double secs = (now - start) / 1e9;
    int done = step - firstStep;
    double rate = done * batch / Math.max(secs, 1e-9);
    double eta = done == 0 ? 0 : secs / done * (total - step);
    String line = String.format("step %d/%d %s loss %.2f  %.0f img/s  ETA %s",
        step, total, bar(step), loss, rate, clock(eta));
    if (terminal) {
      if (now - lastPrint > 250_000_000L || step == total) {
        out.print("\r" + line + "   ");
        out.flush();
        lastPrint = now;
      }
    } else {
      int decile = step * 10 / total;
      if (decile != lastDecile) {
        out.println(line);
        out.flush();
        lastDecile = decile;
      }
    }
  }

  public void end() {
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private String bar(int step) {
    int fill = (int) ((long) BAR * step / total);
    return "[" + "#".repeat(fill) + "-".repeat(BAR - fill) + "]";
  }

  static String clock(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}

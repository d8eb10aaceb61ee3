package margins.train;

import ai.djl.Device;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import margins.engine.ConvPath;
import margins.engine.SelfCheck;
import margins.network.NetworkProbe;

/** What every training loop checks: the engine before the first step, and the losses and weights as it goes. */
public final class Guards {

  private Guards() {}

  /**
   * Runs the engine's self-check on a network's shapes before the first step (once per process), and says so in
   * one line when it had to leave the fast path.
   */
  static SelfCheck.Result checkEngine(NetworkProbe probe, boolean wholeBlocks, Device device, PrintWriter out) {
    SelfCheck.Result r;
    try (probe) {
      r = SelfCheck.ensure(probe, device);
    }
    if (!r.trusted() || r.verdict() == SelfCheck.Verdict.FAILED_SWITCHED) {
      out.println("margins: engine self-check: " + r.detail()
          + (wholeBlocks ? "" : "; a --width that is a multiple of 16 may keep the fast path"));
      out.flush();
    }
    return r;
  }

  /**
   * What a NaN stop tells the user: which checkpoint is kept, and whether the engine's self-check passed (so the
   * training diverged: change the settings) or not (an engine problem: change the path).
   */
  static String nonFiniteMessage(int step, Path lastGood, SelfCheck.Result check, double lr, String runName) {
    String kept = lastGood == null ? "No checkpoint had been written yet."
        : "The last good checkpoint is kept: " + lastGood + ".";
    String resume = "'margins train --resume " + runName + "'";
    String head = "training stopped at step " + step + ": the loss became NaN or infinite. " + kept;
    if (!check.trusted()) {
      return head + " This is an engine problem, not your settings: the engine's self-check failed ("
          + check.detail() + "). Unset " + ConvPath.ENV + " so that Margins uses the correct path, then "
          + resume + ".";
    }
    return head + " The engine's self-check passed on this CPU (" + check.detail() + "), so training diverged:"
        + " try a lower --lr (now " + lr + ") or a tighter --grad-clip, then " + resume + ". If it happens"
        + " again at any setting, run 'margins doctor' and try " + ConvPath.ENV + "=aten to rule the engine out.";
  }

  static boolean finite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  static boolean parametersFinite(List<Parameter> params) {
    // A scope: each abs() is a copy of the weights, on the weights' own manager.
    try (NDScope scope = new NDScope()) {
      double s = 0;
      for (Parameter p : params) {
        s += p.getArray().abs().sum().getFloat();
      }
      return Double.isFinite(s);
    }
  }

  static String brief(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}

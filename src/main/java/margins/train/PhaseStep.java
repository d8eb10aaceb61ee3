package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.SplittableRandom;

/** One phase of the two-stage model's training, as the shared loop drives it: a step at a time, resumable. */
interface PhaseStep {

  /** Its name in progress lines and metrics: "ae", "gan" or "flow". */
  String name();

  /** Items (images or codes) one step learns from, for the speed shown. */
  int itemsPerStep();

  /**
   * One optimisation step, the i-th of the phase, drawing its batch and noise from rng; returns the loss, its two
   * parts and the gradient norm. The weights are updated only when all four are finite.
   */
  double[] step(int i, SplittableRandom rng);

  /** The weights this phase changes (checked for NaN before a checkpoint). */
  List<Parameter> parameters();

  /** The optimiser moments a checkpoint keeps. */
  List<NDArray> moments();

  /** Restores moments from a checkpoint of this phase, after steps of it. */
  void restore(List<float[]> moments, int steps);
}

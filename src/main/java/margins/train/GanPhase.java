package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import margins.archive.TrainingSet;
import margins.network.AutoEncoder;
import margins.network.PatchCritic;

/** The adversarial fine-tune of the decoder against a patch critic (not yet written: its steps must be 0). */
final class GanPhase implements PhaseStep {

  GanPhase(AutoEncoder ae, PatchCritic critic, TrainingSet set, TwoStageConfig c, boolean flip) {
    throw new UnsupportedOperationException("the adversarial phase is not written yet");
  }

  @Override
  public String name() {
    return "gan";
  }

  @Override
  public int itemsPerStep() {
    return 0;
  }

  @Override
  public double[] step(int i, SplittableRandom rng) {
    return new double[4];
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public List<NDArray> moments() {
    return List.of();
  }

  @Override
  public void restore(List<float[]> moments, int steps) {
  }
}

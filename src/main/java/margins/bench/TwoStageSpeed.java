package margins.bench;

import ai.djl.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import margins.Json;
import margins.archive.TrainingSet;
import margins.engine.ConvPath;
import margins.network.AutoEncoder;
import margins.network.FlowNet;
import margins.network.PatchCritic;
import margins.train.Preset;
import margins.train.RunConfig;
import margins.train.RunLog;
import margins.train.StageMetrics;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;
import margins.train.TwoStageConfig;

/**
 * Training speed of the two-stage model, phase by phase (autoencoder, adversarial fine-tune, flow), timed over each
 * phase's last `steps` steps after `warmup` untimed ones, with what the standard preset would then take.
 */
public final class TwoStageSpeed {

  /**
   * The figures for one resolution.
   *
   * @param size image side
   * @param aeImgPerSec images per second in the autoencoder phase (batch 32)
   * @param ganImgPerSec real images per second in the adversarial phase (batch 32, plus as many mixed codes)
   * @param flowCodesPerSec codes per second in the flow phase (batch 256)
   * @param standardSeconds the standard preset's three phases at these speeds
   * @param parameters autoencoder, critic and flow parameters, to check both sides build the same design
   * @param peakRssMb the process's peak resident memory at the end, in MB
   * @param convPath the convolution path training used
   */
  public record Figures(int size, double aeImgPerSec, double ganImgPerSec, double flowCodesPerSec,
      double standardSeconds, long[] parameters, double peakRssMb, String convPath) {}

  private TwoStageSpeed() {}

  /** Trains each phase for warmup + steps steps in a scratch studio and reads its speed from the run's metrics. */
  public static Figures run(int size, int steps, int warmup, Path scratch, Device device) {
    TrainingSet set = Speed.syntheticSet(size, 512);
    int each = warmup + steps;
    TwoStageConfig two = TwoStageConfig.defaults(size, 64, TrainConfig.defaults().width(), Preset.STANDARD)
        .withSteps(each, each, each);
    // Metric lines at every `warmup` steps and at each phase's end: the timed window lies between two of them.
    TrainConfig base = TrainConfig.defaults();
    TrainConfig c = new TrainConfig(two.steps(), two.batch(), base.learningRate(), base.beta(), base.klWarmup(),
        true, 0, base.gradClip(), 1_000_000, 1_000_000, gcd(warmup, steps), base.latent(), base.width(), 0.0);
    RunConfig config = Training.resolve(set, c, two, device, "bench");
    TrainResult r = Training.start(scratch, set, config, device, new PrintWriter(PrintWriter.nullWriter()), false);
    List<StageMetrics> lines = RunLog.read(r.run(), StageMetrics.class);
    double ae = rate(lines, "ae", warmup, steps, two.batch());
    double gan = rate(lines, "gan", warmup + each, steps, two.batch());
    double flow = rate(lines, "flow", warmup + 2 * each, steps, two.flowBatch());
    Preset p = Preset.STANDARD;
    double standard = p.aeSteps() * two.batch() / ae + p.ganSteps() * two.batch() / gan
        + p.flowSteps() * two.flowBatch() / flow;
    return new Figures(size, ae, gan, flow, standard, parameters(two, device), Speed.peakRssMb(),
        ConvPath.of(device).id());
  }

  /** Items per second between the metric line at step `from` and the one `steps` later, within one phase. */
  private static double rate(List<StageMetrics> lines, String phase, int from, int steps, int batch) {
    StageMetrics a = at(lines, phase, from);
    StageMetrics b = at(lines, phase, from + steps);
    return steps * (double) batch / (b.seconds() - a.seconds());
  }

  private static StageMetrics at(List<StageMetrics> lines, String phase, int step) {
    return lines.stream().filter(m -> m.phase().equals(phase) && m.step() == step).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + phase + " metrics at step " + step + " in "
            + Json.line(lines)));
  }

  private static long[] parameters(TwoStageConfig two, Device device) {
    try (AutoEncoder ae = AutoEncoder.create(two.ae(), device, 0);
        PatchCritic critic = PatchCritic.create(two.ae().resolution(), device, 0);
        FlowNet flow = FlowNet.create(two.flow(), device, 0)) {
      return new long[] {count(ae.parameters()), count(critic.parameters()), count(flow.parameters())};
    }
  }

  private static long count(List<ai.djl.nn.Parameter> ps) {
    return ps.stream().mapToLong(p -> p.getArray().size()).sum();
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}

package margins.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.Files2;
import margins.Json;
import margins.MarginsException;
import margins.Progress;
import margins.archive.TrainingSet;
import margins.engine.Engines;
import margins.engine.SelfCheck;
import margins.network.AutoEncoder;
import margins.network.CodeDensity;
import margins.network.FlowNet;
import margins.network.NetworkProbe;
import margins.network.PatchCritic;
import margins.train.TwoStageConfig.Phase;

/**
 * Trains the two-stage model, phase after phase in one run: the autoencoder, the adversarial fine-tune of its decoder
 * (when it has steps), then the flow over its codes. Steps, checkpoints and metrics count over all phases; every
 * phase's end is checkpointed, so a resume starts a phase afresh or continues it with its own optimiser state.
 */
final class TwoStageTraining {

  private static final int KEEP_CHECKPOINTS = 3;

  private final RunDir run;
  private final RunConfig config;
  private final TwoStageConfig c;
  private final TrainingSet set;
  private final AutoEncoder ae;
  private final PatchCritic critic;
  private final FlowNet flow;
  private final PrintWriter out;
  private final boolean terminal;
  private final SelfCheck.Result engineCheck;
  private final List<StageMetrics> history;
  private Path checkpoint;
  private float[] codeMean;
  private float[] codeSd;

  private TwoStageTraining(RunDir run, RunConfig config, TrainingSet set, AutoEncoder ae, PatchCritic critic,
      FlowNet flow, PrintWriter out, boolean terminal, SelfCheck.Result engineCheck, List<StageMetrics> history) {
    this.run = run;
    this.config = config;
    this.c = config.twoStage();
    this.set = set;
    this.ae = ae;
    this.critic = critic;
    this.flow = flow;
    this.out = out;
    this.terminal = terminal;
    this.engineCheck = engineCheck;
    this.history = history;
    this.checkpoint = run.latestCheckpoint().orElse(null);
  }

  /** The configuration a new two-stage run would write: total steps are the phases' sum. */
  static RunConfig resolve(TrainingSet set, TrainConfig train, TwoStageConfig twoStage, Device device,
      String software) {
    if (twoStage.ae().resolution() != set.size()) {
      throw new MarginsException("the archive is prepared at " + set.size() + " px, the autoencoder at "
          + twoStage.ae().resolution());
    }
    return new RunConfig(train.withSteps(twoStage.steps()), null, set.hash(), set.count(), Engines.describe(device),
        software, set.split(train.holdout()).heldOut(), twoStage);
  }

  static TrainResult start(Path studio, TrainingSet archive, RunConfig config, Device device, PrintWriter out,
      boolean terminal) {
    TrainingSet set = archive.split(config.train().holdout()).train();
    RunDir run = RunDir.begin(studio, "ae" + set.size(), config, out);
    SelfCheck.Result check = checkEngine(config, device, out);
    long seed = config.train().seed();
    TwoStageConfig c = config.twoStage();
    // Each network its own stream of the run's seed, so adding a phase never changes another's weights.
    try (AutoEncoder ae = AutoEncoder.create(c.ae(), device, seed);
        FlowNet flow = FlowNet.create(c.flow(), device, seed ^ 0x2F10L);
        PatchCritic critic = c.ganSteps() > 0 ? PatchCritic.create(c.ae().resolution(), device, seed ^ 0xC417L)
            : null) {
      return new TwoStageTraining(run, config, set, ae, critic, flow, out, terminal, check, new ArrayList<>())
          .train(0, null, List.of());
    }
  }

  static TrainResult resume(RunDir run, RunConfig saved, Path last, TrainingSet archive, ResumeChanges changes,
      Device device, PrintWriter out, boolean terminal) {
    if (changes.steps() != null) {
      throw new MarginsException("run " + run.name() + " trains a two-stage model whose steps are set by its"
          + " phases (" + saved.twoStage().aeSteps() + " + " + saved.twoStage().ganSteps() + " + "
          + saved.twoStage().flowSteps() + "): resume it without --steps, or start a new run with another --preset");
    }
    RunConfig config = saved.withTrain(changes.applyTo(saved.train()));
    TrainingSet set = archive.split(config.train().holdout()).train();
    Files2.writeAtomic(run.config(), Json.pretty(config));
    try (TwoStageCheckpoint.Loaded loaded = TwoStageCheckpoint.read(last, device)) {
      int step = loaded.header().step();
      out.println("resuming " + run.dir() + " from step " + step + " (" + loaded.header().phase() + ")");
      out.flush();
      SelfCheck.Result check = checkEngine(config, device, out);
      loaded.ae().forTraining();
      loaded.flow().forTraining();
      if (loaded.critic() != null) {
        loaded.critic().forTraining();
      }
      List<StageMetrics> kept = RunLog.read(run, StageMetrics.class).stream().filter(m -> m.step() <= step).toList();
      RunLog.rewrite(run, kept);
      return new TwoStageTraining(run, config, set, loaded.ae(), loaded.critic(), loaded.flow(), out, terminal,
          check, new ArrayList<>(kept)).train(step, Phase.valueOf(loaded.header().phase()), loaded.moments());
    }
  }

  /** Runs every phase from a step on; moments (of the phase named) continue a phase a checkpoint left midway. */
  private TrainResult train(int first, Phase saved, List<float[]> moments) {
    long t0 = System.nanoTime();
    for (Phase p : Phase.values()) {
      int start = c.firstStep(p);
      int steps = count(p);
      if (steps == 0 || first >= start + steps) {
        continue;
      }
      PhaseStep phase = phase(p);
      int done = Math.max(0, first - start);
      if (done > 0 && p == saved) {
        phase.restore(moments, done);
      }
      loop(phase, p, start, done, steps);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double loss = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss();
    double items = 0;
    for (Phase p : Phase.values()) {
      int done = Math.max(0, c.firstStep(p) + count(p) - Math.max(first, c.firstStep(p)));
      items += Math.min(done, count(p)) * (double) (p == Phase.FLOW ? c.flowBatch() : c.batch());
    }
    return new TrainResult(run, checkpoint, c.steps(), loss, items / secs, secs);
  }

  private int count(Phase p) {
    return switch (p) {
      case AE -> c.aeSteps();
      case GAN -> c.ganSteps();
      case FLOW -> c.flowSteps();
    };
  }

  private PhaseStep phase(Phase p) {
    boolean flip = config.train().flip();
    return switch (p) {
      case AE -> new AePhase(ae, set, c, flip);
      case GAN -> new GanPhase(ae, critic, set, c, flip);
      case FLOW -> {
        FlowPhase f = new FlowPhase(flow, ae, set, c, flip);
        codeMean = f.mean();
        codeSd = f.sd();
        yield f;
      }
    };
  }

  private void loop(PhaseStep phase, Phase p, int start, int first, int steps) {
    TrainConfig tc = config.train();
    Progress progress = Progress.of(out, phase.name(), first, steps, terminal);
    long t0 = System.nanoTime();
    double[] sums = new double[4];
    int counted = 0;
    for (int i = first; i < steps; i++) {
      int step = start + i;
      SplittableRandom rng = new SplittableRandom(tc.seed() * 0x9E3779B97F4A7C15L + step);
      double[] losses = phase.step(i, rng);
      if (!Guards.finite(losses)) {
        progress.end();
        throw nonFinite(step + 1);
      }
      for (int k = 0; k < 4; k++) {
        sums[k] += losses[k];
      }
      counted++;
      int done = step + 1;
      double secs = (System.nanoTime() - t0) / 1e9;
      double speed = (i + 1 - first) * (double) phase.itemsPerStep() / secs;
      progress.update(i + 1, String.format("loss %.4f  %.0f %s/s", losses[0], speed,
          p == Phase.FLOW ? "codes" : "img"));
      boolean last = i + 1 == steps;
      if (done % tc.logEvery() == 0 || last) {
        StageMetrics m = new StageMetrics(done, phase.name(), sums[0] / counted, sums[1] / counted,
            sums[2] / counted, sums[3] / counted, speed, secs);
        history.add(m);
        RunLog.append(run, Json.line(m));
        sums = new double[4];
        counted = 0;
      }
      if (done % tc.checkpointEvery() == 0 || last) {
        if (!Guards.parametersFinite(phase.parameters())) {
          progress.end();
          throw nonFinite(done);
        }
        save(done, p, losses[0], phase.moments());
      }
      if (p != Phase.FLOW && (done % tc.sheetEvery() == 0 || last)) {
        Sheets.reconstructions(ae, set, run.sheets().resolve(String.format("recon-step%06d.png", done)));
      }
    }
    progress.end();
    LossCurve.writeStages(history, run.dir().resolve("loss.png"));
    if (p == Phase.FLOW) {
      CodeDensity density = new CodeDensity(flow, codeMean, codeSd);
      Sheets.dreams(ae, density, run.sheets().resolve(String.format("dreams-step%06d.png", start + steps)));
    }
  }

  private void save(int step, Phase p, double loss, List<NDArray> moments) {
    Path file = run.checkpoint(step);
    TwoStageCheckpoint.Header h = new TwoStageCheckpoint.Header(TwoStageCheckpoint.KIND, c, config.train(),
        set.hash(), step, p.name(), loss, codeMean, codeSd);
    TwoStageCheckpoint.write(file, h, ae, critic, flow, moments);
    run.pruneCheckpoints(KEEP_CHECKPOINTS);
    checkpoint = file;
  }

  private MarginsException nonFinite(int step) {
    RunLog.nonFinite(run, step);
    return new MarginsException(Guards.nonFiniteMessage(step, checkpoint, engineCheck, c.lr(), run.name()));
  }

  private static SelfCheck.Result checkEngine(RunConfig config, Device device, PrintWriter out) {
    TwoStageConfig c = config.twoStage();
    return Guards.checkEngine(NetworkProbe.of(c.ae(), Math.min(c.batch(), 16), device), true, device, out);
  }
}

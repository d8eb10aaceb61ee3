package margins.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
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
import margins.network.LayerHook;
import margins.network.NetworkProbe;
import margins.network.Vae;
import margins.network.VaeConfig;

/** Trains a VAE (or hands a two-stage run to {@link TwoStageTraining}) on a training set: a numbered run directory, metrics, sheets, atomic checkpoints, resume. */
public final class Training {

  private static final int KEEP_CHECKPOINTS = 3;

  private final RunDir run;
  private final RunConfig config;
  private final TrainingSet set;
  private final Vae vae;
  private final Adam adam;
  private final PrintWriter out;
  private final boolean terminal;
  private final List<StepMetrics> history;
  private final SelfCheck.Result engineCheck;
  private final Listener listener;

  /** Told after every step, with the network as it now is (for tests that watch memory, and progress views). */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (step, vae) -> { };

    void afterStep(int step, Vae vae);
  }

  private Training(RunDir run, RunConfig config, TrainingSet set, Vae vae, Adam adam,
      List<StepMetrics> history, PrintWriter out, boolean terminal, SelfCheck.Result engineCheck, Listener listener) {
    this.run = run;
    this.config = config;
    this.set = set;
    this.vae = vae;
    this.adam = adam;
    this.history = history;
    this.out = out;
    this.terminal = terminal;
    this.engineCheck = engineCheck;
    this.listener = listener;
  }

  /** The configuration a new run would write, without training (what `--dry-run` prints). */
  public static RunConfig resolve(TrainingSet set, TrainConfig train, Device device, String software) {
    VaeConfig vae = new VaeConfig(set.size(), train.latent(), train.width(), VaeConfig.defaults(set.size()).maxChannels());
    return new RunConfig(train, vae, set.hash(), set.count(), Engines.describe(device), software,
        set.split(train.holdout()).heldOut());
  }

  /** The configuration a new two-stage run would write (null twoStage: a VAE run, as {@link #resolve} above). */
  public static RunConfig resolve(TrainingSet set, TrainConfig train, TwoStageConfig twoStage, Device device,
      String software) {
    return twoStage == null ? resolve(set, train, device, software)
        : TwoStageTraining.resolve(set, train, twoStage, device, software);
  }

  /**
   * Starts a new run: its directory and resolved config first, then training from freshly seeded weights
   * on the archive less its held-out split.
   */
  public static TrainResult start(Path studio, TrainingSet archive, RunConfig config, Device device,
      PrintWriter out, boolean terminal) {
    return start(studio, archive, config, device, out, terminal, Listener.NONE);
  }

  /** {@link #start}, telling the listener after every step. */
  public static TrainResult start(Path studio, TrainingSet archive, RunConfig config, Device device,
      PrintWriter out, boolean terminal, Listener listener) {
    if (config.twoStage() != null) {
      return TwoStageTraining.start(studio, archive, config, device, out, terminal);
    }
    TrainingSet set = archive.split(config.train().holdout()).train();
    RunDir run = RunDir.begin(studio, "vae" + set.size(), config, out);
    SelfCheck.Result check = checkEngine(config, device, out);
    Vae vae = Vae.create(config.vae(), device, config.train().seed());
    try (vae) {
      Adam adam = new Adam(vae.parameters(), vae.manager());
      return new Training(run, config, set, vae, adam, new ArrayList<>(), out, terminal, check, listener).loop(0);
    }
  }

  /**
   * Continues a run from its last whole checkpoint, after a crash, a kill or to train for more steps, with only
   * the changes a resume may make.
   */
  public static TrainResult resume(Path studio, String runName, TrainingSet archive, ResumeChanges changes,
      Device device, PrintWriter out, boolean terminal) {
    RunDir run = RunDir.find(studio, runName);
    RunConfig saved = Json.read(run.config(), RunConfig.class);
    Path last = run.latestCheckpoint().orElseThrow(() -> new MarginsException(
        "run " + run.name() + " has no checkpoint to resume from; start a new run with 'margins train'"));
    if (!saved.archiveHash().equals(archive.hash())) {
      throw new MarginsException("run " + run.name() + " was trained on another archive (hash "
          + Guards.brief(saved.archiveHash()) + ", the studio's is " + Guards.brief(archive.hash())
          + "); resume it in the studio it was trained in, or start a new run");
    }
    if (saved.twoStage() != null) {
      return TwoStageTraining.resume(run, saved, last, archive, changes, device, out, terminal);
    }
    int step = RunDir.stepOf(last);
    if (changes.steps() != null && changes.steps() <= step) {
      throw new MarginsException("run " + run.name() + " is at step " + step + " already: --steps must be more"
          + " than " + step + " to train it further (it counts all steps, not more steps)");
    }
    RunConfig config = saved.withTrain(changes.applyTo(saved.train()));
    TrainingSet set = archive.split(config.train().holdout()).train();
    Checkpoint.Loaded loaded = Checkpoint.read(last, device);
    Files2.writeAtomic(run.config(), Json.pretty(config));
    out.println("resuming " + run.dir() + " from step " + step);
    out.flush();
    SelfCheck.Result check = checkEngine(config, device, out);
    try (Vae vae = loaded.vae()) {
      // Loaded weights come back as plain arrays; training needs their gradients again.
      vae.forTraining();
      Adam adam = new Adam(vae.parameters(), vae.manager());
      adam.restore(loaded.moments(), step);
      List<StepMetrics> kept = RunLog.readMetrics(run).stream().filter(m -> m.step() <= step).toList();
      // Lines logged after the checkpoint belong to steps that will run again.
      RunLog.rewrite(run, kept);
      return new Training(run, config, set, vae, adam, new ArrayList<>(kept), out, terminal, check, Listener.NONE)
          .loop(step);
    }
  }

  private TrainResult loop(int first) {
    TrainConfig c = config.train();
    int b = c.batch();
    int r = set.size();
    int l = vae.config().latent();
    List<Parameter> params = vae.parameters();
    Progress progress = Progress.of(out, "step", first, c.steps(), terminal);
    long t0 = System.nanoTime();
    Path checkpoint = run.latestCheckpoint().orElse(null);
    double[] sums = new double[4];
    int counted = 0;
    for (int step = first; step < c.steps(); step++) {
      SplittableRandom rng = new SplittableRandom(c.seed() * 0x9E3779B97F4A7C15L + step);
      float[] x = set.batch(set.draw(b, rng), rng, c.flip());
      float[] eps = new float[b * l];
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) rng.nextGaussian();
      }
      double[] losses;
      try (NDScope scope = new NDScope()) {
        losses = step(vae.manager(), x, eps, b, r, l, c.klWeight(step));
        if (!Guards.finite(losses)) {
          progress.end();
          throw nonFinite(step + 1, checkpoint);
        }
        adam.step(c.learningRate(), c.gradClip(), losses[3]);
      }
      for (int i = 0; i < 4; i++) {
        sums[i] += losses[i];
      }
      counted++;
      int done = step + 1;
      progress.update(done, String.format("loss %.2f  %.0f img/s", losses[0],
          (done - first) * (double) b / ((System.nanoTime() - t0) / 1e9)));
      double secs = (System.nanoTime() - t0) / 1e9;
      if (done % c.logEvery() == 0 || done == c.steps()) {
        StepMetrics m = new StepMetrics(done, sums[0] / counted, sums[1] / counted, sums[2] / counted,
            c.klWeight(step), sums[3] / counted, (done - first) * (double) b / secs, secs);
        appendMetrics(m);
        sums = new double[4];
        counted = 0;
      }
      if (done % c.checkpointEvery() == 0 || done == c.steps()) {
        if (!Guards.parametersFinite(params)) {
          progress.end();
          throw nonFinite(done, checkpoint);
        }
        checkpoint = saveCheckpoint(done, losses[0]);
      }
      if (done % c.sheetEvery() == 0 || done == c.steps()) {
        Sheets.samples(vae, run.sheets().resolve(String.format("samples-step%06d.png", done)));
        Sheets.reconstructions(vae, set, run.sheets().resolve(String.format("recon-step%06d.png", done)));
      }
      listener.afterStep(done, vae);
    }
    progress.end();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (!history.isEmpty()) {
      LossCurve.write(history, run.dir().resolve("loss.png"));
    }
    double loss = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss();
    return new TrainResult(run, checkpoint, c.steps(), loss, (c.steps() - first) * (double) b / secs, secs);
  }

  /** One optimisation step's forward and backward pass; returns loss, reconstruction, KL (per image) and grad norm. */
  private double[] step(NDManager manager, float[] xs, float[] eps, int b, int r, int l, double klWeight) {
    NDArray x = manager.create(xs, new Shape(b, 3, r, r)); // (B, 3, R, R)
    NDArray e = manager.create(eps, new Shape(b, l)); // (B, L)
    // The loss's constants are arrays that live until the step ends. DJL's scalar overloads (mul(Number) ...)
    // wrap the number in a tensor over a direct buffer and close it at once; autograd keeps that tensor for the
    // backward pass, which could then read memory the garbage collector had freed (seen: first-step gradients
    // of 1e30 at 64x64, in about half the runs with a 2 GB heap). Same operations, same bits.
    NDArray half = manager.create(0.5f);
    NDArray one = manager.create(1f);
    NDArray batch = manager.create((float) b);
    NDArray klScale = manager.create((float) klWeight);
    double loss;
    double recon;
    double kl;
    try (GradientCollector gc = Engines.engine().newGradientCollector()) {
      gc.zeroGradients();
      NDList post = vae.posterior(x, true);
      NDArray mu = post.get(0);
      NDArray logVar = post.get(1);
      NDArray z = mu.add(logVar.mul(half).exp().mul(e)); // reparameterised sample (B, L)
      NDArray logits = vae.logits(z, true, LayerHook.NONE); // (B, 3, R, R)
      // Bernoulli likelihood on [0, 1] pixels: BCE with logits = softplus(l) - l * x, summed per image.
      NDArray reconSum = Activation.softPlus(logits).sub(logits.mul(x)).sum().div(batch);
      NDArray klSum = mu.square().add(logVar.exp()).sub(logVar).sub(one).sum().mul(half).div(batch);
      NDArray total = reconSum.add(klSum.mul(klScale));
      gc.backward(total);
      loss = total.getFloat();
      recon = reconSum.getFloat();
      kl = klSum.getFloat();
    }
    return new double[] {loss, recon, kl, adam.gradNorm()};
  }

  private Path saveCheckpoint(int step, double loss) {
    Path file = run.checkpoint(step);
    Checkpoint.write(file, new Checkpoint.Header(vae.config(), set.hash(), step, loss, config.train()), vae, adam);
    run.pruneCheckpoints(KEEP_CHECKPOINTS);
    return file;
  }

  private MarginsException nonFinite(int step, Path lastGood) {
    RunLog.nonFinite(run, step);
    return new MarginsException(
        Guards.nonFiniteMessage(step, lastGood, engineCheck, config.train().learningRate(), run.name()));
  }

  private void appendMetrics(StepMetrics m) {
    history.add(m);
    RunLog.append(run, Json.line(m));
  }

  private static SelfCheck.Result checkEngine(RunConfig config, Device device, PrintWriter out) {
    boolean blocks = config.vae().width() % 16 == 0 && config.vae().maxChannels() % 16 == 0;
    return Guards.checkEngine(NetworkProbe.of(config.vae(), Math.min(config.train().batch(), 16), device), blocks,
        device, out);
  }

}

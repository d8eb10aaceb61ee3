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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.Files2;
import margins.Json;
import margins.MarginsException;
import margins.Progress;
import margins.archive.TrainingSet;
import margins.engine.ConvPath;
import margins.engine.Engines;
import margins.engine.SelfCheck;
import margins.network.LayerHook;
import margins.network.NetworkProbe;
import margins.network.Vae;
import margins.network.VaeConfig;

/** Trains a VAE on a training set: a numbered run directory, metrics, sheets, atomic checkpoints, resume. */
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
    TrainingSet set = archive.split(config.train().holdout()).train();
    RunDir run = RunDir.create(studio, "vae" + set.size());
    Files2.writeAtomic(run.config(), Json.pretty(config));
    out.println("run " + run.dir());
    out.flush();
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
          + brief(saved.archiveHash()) + ", the studio's is " + brief(archive.hash())
          + "); resume it in the studio it was trained in, or start a new run");
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
      List<StepMetrics> kept = readMetrics(run).stream().filter(m -> m.step() <= step).toList();
      // Lines logged after the checkpoint belong to steps that will run again.
      writeMetrics(run, kept);
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
        if (!finite(losses)) {
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
        if (!parametersFinite(params)) {
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

  /**
   * Runs the engine's self-check on this network's shapes before the first step (once per process), and says so
   * in one line when it had to leave the fast path.
   */
  private static SelfCheck.Result checkEngine(RunConfig config, Device device, PrintWriter out) {
    SelfCheck.Result r;
    try (NetworkProbe probe = NetworkProbe.of(config.vae(), Math.min(config.train().batch(), 16), device)) {
      r = SelfCheck.ensure(probe, device);
    }
    if (!r.trusted() || r.verdict() == SelfCheck.Verdict.FAILED_SWITCHED) {
      boolean blocks = config.vae().width() % 16 == 0 && config.vae().maxChannels() % 16 == 0;
      out.println("margins: engine self-check: " + r.detail()
          + (blocks ? "" : "; a --width that is a multiple of 16 may keep the fast path"));
      out.flush();
    }
    return r;
  }

  private MarginsException nonFinite(int step, Path lastGood) {
    appendEvent("{\"step\":" + step + ",\"event\":\"non-finite-loss\"}");
    return new MarginsException(
        nonFiniteMessage(step, lastGood, engineCheck, config.train().learningRate(), run.name()));
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

  private static String brief(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  private static boolean finite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean parametersFinite(List<Parameter> params) {
    // A scope: each abs() is a copy of the weights, on the weights' own manager.
    try (NDScope scope = new NDScope()) {
      double s = 0;
      for (Parameter p : params) {
        s += p.getArray().abs().sum().getFloat();
      }
      return Double.isFinite(s);
    }
  }

  private void appendMetrics(StepMetrics m) {
    history.add(m);
    appendEvent(Json.line(m));
  }

  private void appendEvent(String line) {
    try {
      Files.writeString(run.metrics(), line + "\n", java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The step lines of a run's metrics file (events such as a NaN stop are left out). */
  public static List<StepMetrics> readMetrics(RunDir run) {
    if (!Files.exists(run.metrics())) {
      return List.of();
    }
    try {
      return Files.readAllLines(run.metrics()).stream()
          .filter(s -> !s.isBlank() && !s.contains("\"event\""))
          .map(s -> Json.parse(s, StepMetrics.class)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeMetrics(RunDir run, List<StepMetrics> lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach(m -> sb.append(Json.line(m)).append('\n'));
    Files2.writeAtomic(run.metrics(), sb.toString());
  }
}

package margins.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margins.Json;
import margins.MarginsException;
import margins.archive.TrainingSet;
import margins.engine.ConvPath;
import margins.engine.SelfCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on tiny sets: run folders, reproducible checkpoints, resuming, divergence and option checks. */
class TrainingTest {

  @TempDir Path tmp;
  final StringWriter log = new StringWriter();

  TrainResult train(Path studio, TrainingSet set, TrainConfig c) {
    return Training.start(studio, set, Training.resolve(set, c, Device.cpu(), "test"), Device.cpu(),
        new PrintWriter(log), false);
  }

  @Test
  void twoStepsOnSixteenPixelImagesWriteARunWithConfigFirstMetricsSheetsAndACheckpoint() throws Exception {
    TrainResult r = train(tmp, TinySets.squares(12, 16, 1), TinySets.quick(2));
    RunDir run = r.run();
    assertEquals("00000-vae16", run.name());
    RunConfig config = Json.read(run.config(), RunConfig.class);
    assertEquals(2, config.train().steps());
    assertEquals(16, config.vae().resolution());
    List<StepMetrics> lines = RunLog.readMetrics(run);
    assertEquals(2, lines.size());
    assertTrue(Double.isFinite(lines.get(1).loss()) && lines.get(1).loss() > 0);
    assertTrue(Files.exists(run.sheets().resolve("samples-step000002.png")));
    assertTrue(Files.exists(run.sheets().resolve("recon-step000002.png")));
    assertTrue(Files.exists(run.dir().resolve("loss.png")));
    assertEquals(run.checkpoint(2), r.checkpoint());
    assertTrue(log.toString().contains("step 2/2"), log.toString());
  }

  @Test
  void eightPixelImagesTrainToo() {
    TrainResult r = train(tmp, TinySets.squares(8, 8, 2), TinySets.quick(2));
    assertTrue(Double.isFinite(r.loss()));
  }

  @Test
  void theSameSeedGivesTheSameCheckpointBytes() throws Exception {
    TrainingSet set = TinySets.squares(12, 16, 3);
    TrainResult a = train(tmp.resolve("a"), set, TinySets.quick(3));
    TrainResult b = train(tmp.resolve("b"), set, TinySets.quick(3));
    assertArrayEquals(Files.readAllBytes(a.checkpoint()), Files.readAllBytes(b.checkpoint()));
  }

  @Test
  void aResumedRunEndsWhereAnUninterruptedOneDoes() throws Exception {
    TrainingSet set = TinySets.squares(12, 16, 4);
    TrainResult whole = train(tmp.resolve("whole"), set, TinySets.quick(4));
    Path studio = tmp.resolve("killed");
    TrainResult first = train(studio, set, TinySets.quick(4));
    // As after a kill -9 at step 2: the later checkpoints never reached the disk, a stray temp file did.
    Files.delete(first.run().checkpoint(4));
    Files.delete(first.run().checkpoint(3));
    Files.writeString(first.run().checkpoints().resolve(".step-000003.ckpt123.tmp"), "half");
    TrainResult resumed = Training.resume(studio, null, set, ResumeChanges.NONE, Device.cpu(), new PrintWriter(log), false);
    assertEquals(4, resumed.steps());
    assertTrue(log.toString().contains("from step 2"), log.toString());
    assertEquals(4, RunLog.readMetrics(resumed.run()).size());
    assertArrayEquals(Files.readAllBytes(whole.checkpoint()), Files.readAllBytes(resumed.checkpoint()));
  }

  @Test
  void resumingOnAnotherArchiveIsRefused() {
    train(tmp, TinySets.squares(12, 16, 5), TinySets.quick(1));
    MarginsException e = assertThrows(MarginsException.class, () -> Training.resume(
        tmp, null, TinySets.squares(12, 16, 6), ResumeChanges.NONE, Device.cpu(), new PrintWriter(log), false));
    assertTrue(e.getMessage().contains("another archive"), e.getMessage());
  }

  @Test
  void aNonFiniteLossStopsTrainingAndKeepsTheLastGoodCheckpoint() throws Exception {
    TrainingSet set = TinySets.squares(12, 16, 7);
    TrainConfig wild = new TrainConfig(60, 4, 1e15, 1.0, 0, false, 7, 0, 1, 100, 1, 8, 4, 0.0);
    MarginsException e = assertThrows(MarginsException.class, () -> train(tmp, set, wild));
    assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
    assertTrue(e.getMessage().contains("--lr"), e.getMessage());
    assertTrue(e.getMessage().contains("self-check passed"), "a divergence, said as such: " + e.getMessage());
    RunDir run = RunDir.list(tmp).get(0);
    List<Path> kept = run.checkpointFiles();
    assertFalse(kept.isEmpty(), "at least the first step's checkpoint is kept");
    Path last = kept.get(kept.size() - 1);
    try (var loaded = Checkpoint.read(last, Device.cpu()).vae()) {
      for (var p : loaded.parameters()) {
        assertTrue(Float.isFinite(p.getArray().abs().sum().getFloat()), "kept checkpoint has finite weights");
      }
    }
    assertTrue(Files.readString(run.metrics()).contains("non-finite-loss"));
  }

  @Test
  void aNanOnAnEngineThatFailedItsSelfCheckIsCalledAnEngineProblem() {
    SelfCheck.Result forced = new SelfCheck.Result(ConvPath.ONEDNN, SelfCheck.Verdict.FORCED_UNCHECKED, 0.3, 5,
        "MARGINS_CONV=onednn, although oneDNN differs from the reference by 3.0e-01 on this CPU");
    String m = Guards.nonFiniteMessage(40, tmp.resolve("step-000030.ckpt"), forced, 1e-3, "00002-vae32");
    assertTrue(m.startsWith("training stopped at step 40: the loss became NaN or infinite."), m);
    assertTrue(m.contains("The last good checkpoint is kept: " + tmp.resolve("step-000030.ckpt")), m);
    assertTrue(m.contains("engine problem, not your settings"), m);
    assertTrue(m.contains("Unset MARGINS_CONV"), m);
    assertTrue(m.contains("'margins train --resume 00002-vae32'"), m);
    assertFalse(m.contains("--lr"), "no advice to change settings that are not at fault: " + m);
  }

  @Test
  void aNanAfterAPassedSelfCheckIsCalledADivergence() {
    SelfCheck.Result passed = new SelfCheck.Result(ConvPath.ONEDNN, SelfCheck.Verdict.PASSED, 1e-6, 5,
        "oneDNN matches the reference (relative error 1.0e-06)");
    String m = Guards.nonFiniteMessage(3, null, passed, 0.01, "00000-vae16");
    assertTrue(m.contains("No checkpoint had been written yet."), m);
    assertTrue(m.contains("training diverged"), m);
    assertTrue(m.contains("lower --lr (now 0.01)"), m);
    assertTrue(m.contains("margins doctor"), m);
  }

  @Test
  void aCheckpointRoundTripsItsHeaderAndWeights() throws Exception {
    TrainResult r = train(tmp, TinySets.squares(12, 16, 8), TinySets.quick(1));
    Checkpoint.Header h = Checkpoint.header(r.checkpoint());
    assertEquals(1, h.step());
    assertEquals("tiny-12-16-8", h.archiveHash());
    Checkpoint.Loaded l = Checkpoint.read(r.checkpoint(), Device.cpu());
    try (var vae = l.vae()) {
      Path again = tmp.resolve("again.ckpt");
      Adam adam = new Adam(vae.parameters(), vae.manager());
      adam.restore(l.moments(), h.step());
      String sha = Checkpoint.write(again, h, vae, adam);
      assertEquals(l.sha256(), sha);
      assertArrayEquals(Files.readAllBytes(r.checkpoint()), Files.readAllBytes(again));
    }
  }

  @Test
  void aTruncatedCheckpointIsReportedAsDamaged() throws Exception {
    TrainResult r = train(tmp, TinySets.squares(12, 16, 9), TinySets.quick(1));
    byte[] all = Files.readAllBytes(r.checkpoint());
    Path cut = tmp.resolve("cut.ckpt");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    MarginsException e = assertThrows(MarginsException.class, () -> Checkpoint.read(cut, Device.cpu()));
    assertTrue(e.getMessage().contains("damaged or incomplete"), e.getMessage());
  }

  @Test
  void onlyTheNewestCheckpointsAreKept() {
    TrainResult r = train(tmp, TinySets.squares(12, 16, 10), TinySets.quick(5));
    assertEquals(List.of(r.run().checkpoint(3), r.run().checkpoint(4), r.run().checkpoint(5)),
        r.run().checkpointFiles());
  }

  @Test
  void badOptionsNameTheirAllowedRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainConfig(0, 4, 1e-3, 1, 0, false, 0, 1, 1, 1, 1, 8, 4, 0.0));
    assertTrue(e.getMessage().contains("--steps must be at least 1, not 0"), e.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> new TrainConfig(1, 0, 1e-3, 1, 0, false, 0, 1, 1, 1, 1, 8, 4, 0.0));
    assertEquals("--batch must be in 1..4096, not 0", batch.getMessage());
    IllegalArgumentException holdout = assertThrows(IllegalArgumentException.class,
        () -> new TrainConfig(1, 4, 1e-3, 1, 0, false, 0, 1, 1, 1, 1, 8, 4, 0.6));
    assertEquals("--holdout must be in 0..0.5, not 0.6", holdout.getMessage());
    assertEquals(4096, new TrainConfig(1, 4096, 1e-3, 1, 0, false, 0, 1, 1, 1, 1, 8, 4, 0.5).batch());
  }
}

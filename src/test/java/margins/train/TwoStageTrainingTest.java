package margins.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import margins.network.AeConfig;
import margins.network.FlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-stage model trains on tiny sets: phases in order, reproducible checkpoints, resume, the density saved. */
class TwoStageTrainingTest {

  @TempDir Path tmp;
  final StringWriter log = new StringWriter();

  /** A tiny two-stage design: 32 px, latent 8, narrow autoencoder and flow, a few steps per phase. */
  static TwoStageConfig tiny(int aeSteps, int flowSteps) {
    return tiny(aeSteps, 0, flowSteps);
  }

  static TwoStageConfig tiny(int aeSteps, int ganSteps, int flowSteps) {
    AeConfig ae = new AeConfig(32, 8, 16, 32, 1, 16, 0.2);
    return new TwoStageConfig(ae, new FlowConfig(8, 32, 2, 4, 4), aeSteps, ganSteps, flowSteps, 4, 1e-3, 1.0, 10.0,
        2e-4, 0.1, 16, 1e-3);
  }

  static TrainConfig every(int n) {
    return new TrainConfig(1, 4, 1e-3, 1.0, 0, true, 7, 100.0, n, 100, 1, 8, 16, 0.0);
  }

  TrainResult train(Path studio, TrainingSet set, TwoStageConfig c, TrainConfig t) {
    return Training.start(studio, set, Training.resolve(set, t, c, Device.cpu(), "test"), Device.cpu(),
        new PrintWriter(log), false);
  }

  @Test
  void thePhasesRunInOrderAndTheCheckpointHoldsTheDensity() throws Exception {
    TrainResult r = train(tmp, TinySets.squares(10, 32, 1), tiny(3, 2), every(100));
    RunDir run = r.run();
    assertEquals("00000-ae32", run.name());
    RunConfig config = Json.read(run.config(), RunConfig.class);
    assertEquals("two-stage", config.kind());
    assertEquals(5, config.train().steps());
    List<StageMetrics> lines = RunLog.read(run, StageMetrics.class);
    assertEquals(List.of("ae", "ae", "ae", "flow", "flow"), lines.stream().map(StageMetrics::phase).toList());
    assertEquals(List.of(1, 2, 3, 4, 5), lines.stream().map(StageMetrics::step).toList());
    assertTrue(lines.stream().allMatch(m -> Double.isFinite(m.loss()) && m.loss() > 0));
    // Every phase's end is a checkpoint, so a resume never has to redo a finished phase.
    assertEquals(List.of(run.checkpoint(3), run.checkpoint(5)), run.checkpointFiles());
    assertEquals("two-stage", Checkpoint.kind(r.checkpoint()));
    try (TwoStageCheckpoint.Loaded l = TwoStageCheckpoint.read(r.checkpoint(), Device.cpu())) {
      assertEquals("FLOW", l.header().phase());
      assertEquals(8, l.header().codeMean().length);
      assertTrue(l.header().codeSd()[0] > 0);
      assertNull(l.critic());
    }
    try (TwoStageCheckpoint.Loaded l = TwoStageCheckpoint.read(run.checkpoint(3), Device.cpu())) {
      assertNull(l.header().codeMean(), "no statistics before the flow phase");
    }
    assertTrue(Files.exists(run.sheets().resolve("recon-step000003.png")));
    assertTrue(Files.exists(run.sheets().resolve("dreams-step000005.png")));
    assertTrue(log.toString().contains("ae 3/3") && log.toString().contains("flow 2/2"), log.toString());
  }

  @Test
  void theSameSeedGivesTheSameCheckpointBytesAndAnotherSeedOthers() throws Exception {
    TrainingSet set = TinySets.squares(10, 32, 3);
    byte[] a = Files.readAllBytes(train(tmp.resolve("a"), set, tiny(2, 2), every(100)).checkpoint());
    byte[] b = Files.readAllBytes(train(tmp.resolve("b"), set, tiny(2, 2), every(100)).checkpoint());
    TrainConfig other = new TrainConfig(1, 4, 1e-3, 1.0, 0, true, 8, 100.0, 100, 100, 1, 8, 16, 0.0);
    byte[] c = Files.readAllBytes(train(tmp.resolve("c"), set, tiny(2, 2), other).checkpoint());
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void aResumedRunEndsWithTheBytesOfOneThatNeverStoppedFromMidwayThroughEitherPhase() throws Exception {
    TrainingSet set = TinySets.squares(10, 32, 4);
    // Checkpoints every step, the last three kept: resume from step 5 of 3 + 3 (the flow midway, its optimiser
    // state restored), and from step 3 of 4 + 1 (the autoencoder midway).
    int[][] cases = {{3, 3, 5}, {4, 1, 3}};
    for (int[] k : cases) {
      TwoStageConfig c = tiny(k[0], k[1]);
      byte[] whole = weights(train(tmp.resolve("whole" + k[2]), set, c, every(100)).checkpoint());
      Path studio = tmp.resolve("cut" + k[2]);
      RunDir run = train(studio, set, c, every(1)).run();
      for (Path f : run.checkpointFiles()) {
        if (RunDir.stepOf(f) > k[2]) {
          Files.delete(f);
        }
      }
      TrainResult resumed = Training.resume(studio, run.name(), set, ResumeChanges.NONE, Device.cpu(),
          new PrintWriter(log), false);
      String phase = k[2] > k[0] ? " (FLOW)" : " (AE)";
      assertTrue(log.toString().contains("from step " + k[2] + phase), log.toString());
      assertArrayEquals(whole, weights(resumed.checkpoint()), "resumed from step " + k[2]);
      assertEquals(k[0] + k[1], RunLog.read(run, StageMetrics.class).size());
    }
  }

  /** A checkpoint's bytes after its header (whose config names the checkpoint cadence, which differs here). */
  static byte[] weights(Path checkpoint) throws Exception {
    byte[] all = Files.readAllBytes(checkpoint);
    int header = 15 + 2 + (((all[15] & 0xff) << 8) | (all[16] & 0xff));
    return java.util.Arrays.copyOfRange(all, header, all.length);
  }

  @Test
  void theAdversarialPhaseChangesOnlyTheDecoderAndResumesMidwayToTheSameBytes() throws Exception {
    TrainingSet set = TinySets.squares(10, 32, 8);
    TwoStageConfig c = tiny(1, 3, 1);
    TrainResult whole = train(tmp.resolve("whole"), set, c, every(100));
    assertEquals(List.of("ae", "gan", "gan", "gan", "flow"),
        RunLog.read(whole.run(), StageMetrics.class).stream().map(StageMetrics::phase).toList());
    try (TwoStageCheckpoint.Loaded afterAe = TwoStageCheckpoint.read(whole.run().checkpoint(1), Device.cpu());
        TwoStageCheckpoint.Loaded end = TwoStageCheckpoint.read(whole.checkpoint(), Device.cpu())) {
      assertNotNull(end.critic());
      for (int k = 0; k < afterAe.ae().encoderParameters().size(); k++) {
        assertArrayEquals(afterAe.ae().encoderParameters().get(k).getArray().toFloatArray(),
            end.ae().encoderParameters().get(k).getArray().toFloatArray(), "the encoder is fixed after its phase");
      }
      assertFalse(java.util.Arrays.equals(afterAe.ae().decoderParameters().get(0).getArray().toFloatArray(),
          end.ae().decoderParameters().get(0).getArray().toFloatArray()), "the decoder is fine-tuned");
    }
    Path studio = tmp.resolve("cut");
    RunDir run = train(studio, set, c, every(1)).run();
    for (Path f : run.checkpointFiles()) {
      if (RunDir.stepOf(f) > 3) {
        Files.delete(f);
      }
    }
    TrainResult resumed = Training.resume(studio, run.name(), set, ResumeChanges.NONE, Device.cpu(),
        new PrintWriter(log), false);
    assertTrue(log.toString().contains("from step 3 (GAN)"), log.toString());
    assertArrayEquals(weights(whole.checkpoint()), weights(resumed.checkpoint()));
  }

  @Test
  void aResumeMayNotChangeTheStepsOfATwoStageRun() {
    TrainingSet set = TinySets.squares(10, 32, 5);
    TrainResult r = train(tmp, set, tiny(1, 1), every(100));
    MarginsException x = assertThrows(MarginsException.class, () -> Training.resume(tmp, r.run().name(), set,
        new ResumeChanges(9, null, null, null), Device.cpu(), new PrintWriter(log), false));
    assertTrue(x.getMessage().contains("--preset"), x.getMessage());
  }

  @Test
  void aVaeCheckpointIsNotReadAsATwoStageOne() {
    TrainResult r = Training.start(tmp, TinySets.squares(8, 16, 6), Training.resolve(TinySets.squares(8, 16, 6),
        TinySets.quick(1), Device.cpu(), "test"), Device.cpu(), new PrintWriter(log), false);
    assertEquals("vae", Checkpoint.kind(r.checkpoint()));
    MarginsException x = assertThrows(MarginsException.class,
        () -> TwoStageCheckpoint.read(r.checkpoint(), Device.cpu()));
    assertTrue(x.getMessage().contains("VAE"), x.getMessage());
    assertNotNull(Checkpoint.read(r.checkpoint(), Device.cpu()).vae());
  }
}

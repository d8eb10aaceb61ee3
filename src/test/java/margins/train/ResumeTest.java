package margins.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.Json;
import margins.MarginsException;
import margins.archive.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run changes only what a resume may change, and trains further, never back. */
class ResumeTest {

  @TempDir Path tmp;
  final PrintWriter log = new PrintWriter(new StringWriter());

  TrainResult trainTo(int steps) {
    TrainingSet set = TinySets.squares(12, 16, 21);
    TrainConfig c = TinySets.quick(steps);
    return Training.start(tmp, set, Training.resolve(set, c, Device.cpu(), "test"), Device.cpu(), log, false);
  }

  @Test
  void stepsNotPastTheCheckpointAreRefusedSayingWhereTheRunIs() throws Exception {
    TrainResult r = trainTo(3);
    byte[] before = Files.readAllBytes(r.run().config());
    MarginsException e = assertThrows(MarginsException.class, () -> Training.resume(tmp, null,
        TinySets.squares(12, 16, 21), new ResumeChanges(2, null, null, null), Device.cpu(), log, false));
    assertTrue(e.getMessage().contains("is at step 3 already: --steps must be more than 3"), e.getMessage());
    assertEquals(new String(before), Files.readString(r.run().config()), "the run's config is untouched");
  }

  @Test
  void aResumeAppliesMoreStepsAndNewIntervalsAndKeepsEverythingElse() {
    TrainResult r = trainTo(2);
    TrainConfig saved = Json.read(r.run().config(), RunConfig.class).train();
    TrainResult more = Training.resume(tmp, null, TinySets.squares(12, 16, 21), new ResumeChanges(5, 2, 5, 1),
        Device.cpu(), log, false);
    assertEquals(5, more.steps());
    TrainConfig now = Json.read(r.run().config(), RunConfig.class).train();
    assertEquals(new ResumeChanges(5, 2, 5, 1).applyTo(saved), now);
    assertEquals(saved.learningRate(), now.learningRate());
    assertEquals(saved.seed(), now.seed());
    assertEquals(2, now.checkpointEvery());
  }
}

package margins.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margins.archive.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred real steps on tiny images, at both sizes whose decoder ends in a phase convolution of 12
 * channels: what turned NaN, or silently wrong, on AMD guests where oneDNN read padding it never zeroed.
 */
class TrainingStabilityTest {

  static final int STEPS = 300;

  @TempDir Path tmp;
  final StringWriter log = new StringWriter();

  /** Channels in whole blocks of 16 (width 16), as the defaults are, so that the fast path is the one exercised. */
  static TrainConfig config(int steps) {
    return new TrainConfig(steps, 32, 1e-3, 1.0, 100, false, 11, 100.0, 100, steps, 10, 16, 16, 0.0);
  }

  TrainResult train(Path studio, int size) {
    TrainingSet set = TinySets.squares(96, size, size);
    return Training.start(studio, set, Training.resolve(set, config(STEPS), Device.cpu(), "test"), Device.cpu(),
        new PrintWriter(log), false);
  }

  static void assertFallsAndStaysFinite(TrainResult r) {
    List<StepMetrics> lines = RunLog.readMetrics(r.run());
    assertTrue(lines.size() == STEPS / 10, "every tenth step logged: " + lines.size());
    for (StepMetrics m : lines) {
      assertTrue(Double.isFinite(m.loss()) && Double.isFinite(m.gradNorm()), "finite at step " + m.step());
    }
    double first = lines.get(0).recon();
    double last = lines.get(lines.size() - 1).recon();
    assertTrue(last < 0.6 * first, "reconstruction loss falls from " + first + " to " + last);
  }

  @Test
  void sixteenPixelImagesTrainThreeHundredStepsWithAFallingFiniteLoss() {
    assertFallsAndStaysFinite(train(tmp, 16));
  }

  @Test
  void thirtyTwoPixelImagesTrainThreeHundredStepsToTheSameCheckpointBytesTwice() throws Exception {
    TrainResult a = train(tmp.resolve("a"), 32);
    TrainResult b = train(tmp.resolve("b"), 32);
    assertFallsAndStaysFinite(a);
    assertArrayEquals(Files.readAllBytes(a.checkpoint()), Files.readAllBytes(b.checkpoint()),
        "the same seed gives the same weights over " + STEPS + " steps");
    assertArrayEquals(Files.readAllBytes(a.run().checkpoint(100)), Files.readAllBytes(b.run().checkpoint(100)));
  }
}

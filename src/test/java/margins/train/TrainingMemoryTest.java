package margins.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.archive.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory stays flat over a run that checkpoints and draws its sheets at every step. */
class TrainingMemoryTest {

  static final int STEPS = 40;

  @TempDir Path tmp;

  @Test
  void arraysAndResidentMemoryStayFlatOverFrequentCheckpointsAndSheets() throws Exception {
    TrainingSet set = TinySets.squares(64, 32, 5);
    TrainConfig c = new TrainConfig(STEPS, 8, 1e-3, 1.0, 10, false, 3, 100.0, 1, 1, 10, 16, 32, 0.0);
    List<Integer> arrays = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    Training.start(tmp, set, Training.resolve(set, c, Device.cpu(), "test"), Device.cpu(),
        new PrintWriter(new StringWriter()), false, (step, vae) -> {
          arrays.add(vae.manager().getManagedArrays().size());
          rss.add(residentMb());
        });
    assertEquals(STEPS, arrays.size());
    // After the first steps (the optimiser's state, the phase kernels of a first sheet), nothing accumulates.
    assertEquals(arrays.get(4), arrays.get(STEPS - 1), "arrays on the network's manager, step by step: " + arrays);
    // Resident memory may rise in a few steps (the Java heap or malloc taking a new region) and then hold;
    // a leak rises at every step. So the typical step, the median of the step-to-step growth, must be flat.
    List<Double> perStep = new ArrayList<>();
    for (int i = 10; i < STEPS; i++) {
      perStep.add(rss.get(i) - rss.get(i - 1));
    }
    perStep.sort(null);
    double median = perStep.get(perStep.size() / 2);
    assertTrue(median < 0.5, "resident memory grew a median " + median + " MB per step with a checkpoint and"
        + " two sheets each: " + rss);
  }

  static double residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }
}

package margins.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import margins.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityTest {

  @TempDir Path studio;

  @Test
  void threeProcessesWritingToOneStoreAtOnceLoseNothing() throws Exception {
    int each = 100;
    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      // One item per transaction: as many lock hand-overs between the processes as can be.
      writers.add(WriterProcess.start(studio, "writer" + w, each, 1, w * 10_000L));
    }
    for (Process p : writers) {
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
      assertEquals(0, p.exitValue(), out);
    }
    try (Store store = Store.open(studio)) {
      assertEquals(3 * each, Items.count(store));
      Check.Report r = Check.run(store, false, Progress.Target.NONE);
      assertTrue(r.consistent(), r.toString());
      assertEquals(3 * each, r.files());
    }
  }

  @Test
  void aProcessKilledMidWayLeavesAStoreThatCheckFindsConsistentOnceRepaired() throws Exception {
    Process p = WriterProcess.start(studio, "killed", 0, 8, 0);
    BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String line;
    int registered = 0;
    while ((line = lines.readLine()) != null && registered < 100) {
      if (line.startsWith("registered ")) {
        registered = Integer.parseInt(line.substring("registered ".length()));
      }
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the process itself.
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(registered >= 100, "the writer stopped early");
    try (Store store = Store.open(studio)) {
      Check.Report found = Check.run(store, true, Progress.Target.NONE);
      assertEquals("ok", found.integrity());
      assertTrue(found.gone().isEmpty() && found.changed().isEmpty(), found.toString());
      assertTrue(found.files() >= registered, "every committed item is still there");
      Check.Report after = Check.run(store, false, Progress.Target.NONE);
      assertTrue(after.consistent(), after.toString());
      assertEquals(after.files(), Items.count(store));
    }
  }
}

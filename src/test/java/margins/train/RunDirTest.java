package margins.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {

  @TempDir Path tmp;

  RunDir withCheckpoints(int... steps) throws Exception {
    RunDir run = RunDir.create(tmp, "vae16");
    for (int s : steps) {
      Files.writeString(run.checkpoint(s), "step " + s);
    }
    return run;
  }

  @Test
  void checkpointsPastStepNineHundredNinetyNineThousandSortAfterTheOthers() throws Exception {
    RunDir run = withCheckpoints(1_000_000, 999_999, 2_500_000, 500);
    assertEquals(List.of(500, 999_999, 1_000_000, 2_500_000),
        run.checkpointFiles().stream().map(RunDir::stepOf).toList());
    assertEquals(run.checkpoint(2_500_000), run.latestCheckpoint().orElseThrow());
    assertEquals("step-1000000.ckpt", run.checkpoint(1_000_000).getFileName().toString());
  }

  @Test
  void pruningKeepsTheNewestByStepSoTheCheckpointJustWrittenStays() throws Exception {
    RunDir run = withCheckpoints(999_998, 999_999, 1_000_000);
    run.pruneCheckpoints(2);
    assertEquals(List.of(run.checkpoint(999_999), run.checkpoint(1_000_000)), run.checkpointFiles());
    run.pruneCheckpoints(0);
    assertEquals(List.of(run.checkpoint(1_000_000)), run.checkpointFiles(), "the newest is never deleted");
  }

  @Test
  void runsStartedAtOnceInOneProcessGetDistinctNumbers() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String desc = "vae" + (16 << t);
      threads.add(new Thread(() -> {
        for (int i = 0; i < 5; i++) {
          RunDir.create(tmp, desc);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertDistinctNumbers(20);
  }

  @Test
  void runsStartedAtOnceByTwoProcessesGetDistinctNumbers() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> ps = new ArrayList<>();
    for (String desc : new String[] {"vae32", "vae64", "vae128"}) {
      ps.add(new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
          CreateRuns.class.getName(), tmp.toString(), desc, "8").redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
    }
    assertDistinctNumbers(24);
  }

  private void assertDistinctNumbers(int expected) {
    List<RunDir> runs = RunDir.list(tmp);
    Set<String> numbers = new TreeSet<>();
    runs.forEach(r -> numbers.add(r.name().substring(0, 5)));
    assertEquals(expected, runs.size(), "runs: " + runs);
    assertEquals(expected, numbers.size(), "one number each: " + runs);
  }

  /** Creates runs in a fresh process: studio, description, how many. */
  public static final class CreateRuns {
    public static void main(String[] args) {
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        RunDir.create(Path.of(args[0]), args[1]);
      }
    }
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import margins.recipe.Outputs;
import margins.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a real `margins sample` (its own JVM) costs the store nothing that check cannot repair. */
class KilledSampleTest {

  @TempDir Path tmp;

  @Test
  void aSampleKilledMidWayLeavesAStoreThatCheckFindsSoundAndThenCompletes() throws Exception {
    Path studio = SharedStudio.copy(tmp);
    Path out = studio.resolve("outputs/killed");
    Path log = tmp.resolve("sample.log");
    Process p = start(log, "sample", "--studio", studio.toString(), "--seeds", "0-99999", "--out", out.toString(),
        "--device", "cpu");
    long registered;
    try {
      registered = waitForAChunkAndMore(p, studio, out, log);
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, a chunk half written
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    }
    long onDisk = RegistrationTest.pngs(out);
    assertTrue(registered >= Outputs.CHUNK && onDisk < 100_000, registered + " registered, " + onDisk + " on disk");

    MarginsTest.Run found = RegistrationTest.check(studio, "--dry-run");
    assertTrue(found.out.contains("integrity ok"), found.out);
    assertTrue(!found.out.contains("gone from disk") && !found.out.contains("changed since"), found.out);
    long missing = onDisk - count(studio);
    assertTrue(missing == 0 ? found.code == 0 : found.out.contains(missing + " not registered:"), found.out);

    MarginsTest.Run repaired = RegistrationTest.check(studio);
    assertEquals(0, repaired.code, repaired.out + repaired.err);
    assertEquals(onDisk, count(studio));
    assertTrue(RegistrationTest.check(studio, "--dry-run").out.contains("consistent"));
  }

  /** Waits until the store holds a whole chunk and the next chunk's PNGs are being written; returns the count. */
  private static long waitForAChunkAndMore(Process p, Path studio, Path out, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), () -> "margins sample ended early: " + read(log));
      long n = Files.exists(Store.file(studio)) ? count(studio) : 0;
      if (n >= Outputs.CHUNK && Files.isDirectory(out) && RegistrationTest.pngs(out) > n + 8) {
        return n;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no chunk registered in 300 s: " + read(log));
  }

  private static long count(Path studio) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + Store.file(studio) + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      return 0; // not yet made: the schema is written in the child's first transaction
    }
  }

  /** `margins` in a JVM of its own, on this test's class path, output to a file. */
  private static Process start(Path log, String... args) throws java.io.IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path")));
    for (String prop : List.of("ai.djl.offline", "ai.djl.pytorch.num_interop_threads")) {
      if (System.getProperty(prop) != null) {
        cmd.add("-D" + prop + "=" + System.getProperty(prop));
      }
    }
    cmd.add(Margins.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

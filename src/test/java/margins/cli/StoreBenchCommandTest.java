package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `margins bench store` at a tiny size prints every figure and cleans up; bad sizes are bad usage. */
class StoreBenchCommandTest {

  @TempDir Path tmp;

  @Test
  void aTinyRunPrintsInsertsSizePerItemLatencyAndRecallAndLeavesNoScratch() {
    Path scratch = tmp.resolve("scratch");
    MarginsTest.Run r = new MarginsTest.Run("bench", "store", "--studio", tmp.resolve("none").toString(),
        "--items", "300", "--sizes", "2000", "--queries", "10", "--scratch", scratch.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("inserts: 300 items in ") && r.out.contains(" bytes per item"), r.out);
    assertTrue(r.out.contains("recall@10") && r.out.contains("       2,000  "), r.out);
    assertTrue(r.out.contains("machine: ") && r.out.contains(" cores; load average "), r.out);
    String row = r.out.lines().filter(l -> l.startsWith("       2,000  ")).findFirst().orElseThrow();
    assertEquals("1", row.trim().split("\\s+")[5], "one segment: " + row);
    assertFalse(Files.exists(scratch), "the scratch stores are deleted");
  }

  @Test
  void aSizeOutsideTheRangeIsBadUsageAndWritesNothing() {
    Path scratch = tmp.resolve("scratch");
    MarginsTest.Run r = new MarginsTest.Run("bench", "store", "--sizes", "10", "--scratch", scratch.toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--sizes: each must be in [1000, 10000000], not 10"), r.err);
    assertFalse(Files.exists(scratch));
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import margins.Json;
import margins.engine.Cpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `margins bench studio` at a tiny size: the load's figures, then the live walk's frame rate and the machine. */
class StudioBenchCommandTest {

  @TempDir Path tmp;

  @Test
  void aShortRunPrintsTheLoadThenTheWalksFramesPerSecondAndNamesTheMachine() {
    Path studio = SharedStudio.copy(tmp);
    MarginsTest.Run r = new MarginsTest.Run("bench", "studio", "--studio", studio.toString(), "--device", "cpu",
        "--clients", "2", "--seconds", "2", "--walk-seconds", "2");
    assertEquals(0, r.code, r.out + r.err);
    assertTrue(r.out.contains("studio under 2 pages") && r.out.contains(" 0 lost"), r.out);
    assertTrue(r.out.contains("  live walk: ") && r.out.contains("(the walk's clock: 30 frames/s)"), r.out);
    Cpu cpu = Cpu.here();
    assertTrue(r.out.contains("on " + cpu.model() + ", " + cpu.cores() + " cores"), r.out);
  }

  @Test
  void theJsonLineHoldsTheWalksFiguresBesideTheLoads() {
    Path studio = SharedStudio.copy(tmp);
    MarginsTest.Run r = new MarginsTest.Run("bench", "studio", "--studio", studio.toString(), "--device", "cpu",
        "--clients", "1", "--seconds", "1", "--walk-seconds", "1", "--json");
    assertEquals(0, r.code, r.out + r.err);
    JsonNode j = Json.parse(r.out.strip(), JsonNode.class);
    assertEquals(1, j.get("load").get("clients").asInt());
    assertEquals(30, j.get("walk").get("clock").asInt());
    assertTrue(j.get("walk").get("frames").asLong() > 0 && j.get("cores").asInt() >= 1, j.toString());
  }

  @Test
  void aWalkOfNoSecondsIsBadUsage() {
    MarginsTest.Run r = new MarginsTest.Run("bench", "studio", "--walk-seconds", "0", "--studio",
        tmp.resolve("none").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--walk-seconds"), r.err);
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `margins studio`: its help, and bad options refused with exit 2 before anything is loaded or written. */
class StudioCommandTest {

  @Test
  void theHelpNamesEveryOptionWithItsDefault() {
    MarginsTest.Run r = new MarginsTest.Run("studio", "--help");
    assertEquals(0, r.code);
    for (String s : new String[] {"--port=PORT", "--open", "--voice=quiet|normal|insistent", "(default: normal)",
        "--max-upload-mb=MB", "--queue=JOBS", "127.0.0.1 only", "token"}) {
      assertTrue(r.out.contains(s), s + " in:\n" + r.out);
    }
  }

  @Test
  void anUnknownVoiceIsBadUsageAndSaysWhichAreAllowed(@TempDir Path dir) {
    MarginsTest.Run r = new MarginsTest.Run("studio", "--voice", "loud", "--studio", dir.toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("quiet, normal, insistent") && r.err.contains("'loud'"), r.err);
    assertFalse(Files.exists(dir.resolve("explorations")));
  }

  @Test
  void outOfRangeLimitsAreBadUsage(@TempDir Path dir) {
    for (String[] bad : new String[][] {{"--port", "70000"}, {"--queue", "0"}, {"--max-upload-mb", "0"},
        {"--max-upload-megapixels", "5000"}}) {
      MarginsTest.Run r = new MarginsTest.Run("studio", bad[0], bad[1], "--studio", dir.toString());
      assertEquals(2, r.code, String.join(" ", bad) + ": " + r.err);
      assertTrue(r.err.contains(bad[0]), r.err);
    }
  }

  @Test
  void aStudioWithoutATrainedModelSaysWhatToRunFirst(@TempDir Path dir) {
    MarginsTest.Run r = new MarginsTest.Run("studio", "--studio", dir.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no trained model") && r.err.contains("margins train"), r.err);
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MarginsTest {

  static final class Run {
    final int code;
    final String out;
    final String err;

    Run(String... args) {
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      CommandLine cl = Margins.commandLine();
      cl.setOut(new PrintWriter(o));
      cl.setErr(new PrintWriter(e));
      code = cl.execute(args);
      out = o.toString();
      err = e.toString();
    }
  }

  @Test
  void helpListsTheTasksAndExitsZero() {
    Run r = new Run("--help");
    assertEquals(0, r.code);
    assertTrue(r.out.contains("ingest"), r.out);
  }

  @Test
  void anUnknownSubcommandIsBadUsage() {
    Run r = new Run("paint");
    assertEquals(2, r.code);
  }
}

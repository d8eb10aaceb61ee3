package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.MarginsException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes: 2 for a value the user gave that is not allowed, 1 for the rest, saying which is which. */
class FailuresTest {

  @Command(name = "task")
  static final class Throwing implements Callable<Integer> {
    final RuntimeException e;

    Throwing(RuntimeException e) {
      this.e = e;
    }

    @Override
    public Integer call() {
      throw e;
    }
  }

  static String[] run(RuntimeException e) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Throwing(e));
    cl.setExecutionExceptionHandler(new Failures());
    cl.setErr(new PrintWriter(err));
    return new String[] {Integer.toString(cl.execute()), err.toString()};
  }

  @Test
  void aBadParameterIsBadUsageNamingTheOptionAndTheHelp() {
    String[] r = run(new BadParameter("--k must be in 1..64, not 0"));
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("margins: --k must be in 1..64, not 0"), r[1]);
    assertTrue(r[1].contains("Try 'margins task --help'."), r[1]);
  }

  @Test
  void anInternalIllegalArgumentIsAFaultOfMarginsNotBadUsage() {
    String[] r = run(new IllegalArgumentException("optimiser state has 3 arrays, expected 4"));
    assertEquals("1", r[0]);
    assertTrue(r[1].contains("unexpected failure"), r[1]);
    assertTrue(r[1].contains("MARGINS_DEBUG=1"), r[1]);
  }

  @Test
  void aFailureTheUserCanActOnIsExitOneWithItsMessageAlone() {
    String[] r = run(new MarginsException("no trained model in studio: run 'margins train' first"));
    assertEquals("1", r[0]);
    assertEquals("margins: no trained model in studio: run 'margins train' first", r[1].strip());
  }
}

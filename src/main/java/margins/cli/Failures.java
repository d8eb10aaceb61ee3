package margins.cli;

import java.io.PrintWriter;
import margins.BadParameter;
import margins.MarginsException;
import picocli.CommandLine;

/**
 * Turns failures into one clear message and an exit code: 2 for a value the user gave that is not allowed (like
 * picocli's own usage errors), 1 for a failure the user can act on, and 1 with "unexpected failure" for a fault of
 * Margins itself (its stack trace with MARGINS_DEBUG=1).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof BadParameter || ex instanceof CommandLine.ParameterException) {
      err.println("margins: " + ex.getMessage());
      err.println("Try 'margins " + cl.getCommandName() + " --help'.");
      err.flush();
      return 2;
    }
    if (ex instanceof MarginsException) {
      err.println("margins: " + ex.getMessage());
    } else {
      err.println("margins: unexpected failure: " + ex);
      if (System.getenv("MARGINS_DEBUG") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("(set MARGINS_DEBUG=1 to see the stack trace)");
      }
    }
    err.flush();
    return 1;
  }
}

package margins.cli;

import java.io.PrintWriter;
import margins.MarginsException;
import picocli.CommandLine;

/** Turns failures into one clear message and exit code 1; bad parameters become exit code 2. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof IllegalArgumentException) {
      // A value that parsed but is out of range: a usage error, like picocli's own.
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

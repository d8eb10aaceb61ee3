package margins;

/**
 * A value the user gave that is outside what is allowed: its message names the option or parameter and what it may
 * be. The command line answers it as bad usage (exit 2); any other IllegalArgumentException is a fault of Margins.
 */
public class BadParameter extends IllegalArgumentException {

  public BadParameter(String message) {
    super(message);
  }

  public BadParameter(String message, Throwable cause) {
    super(message, cause);
  }
}

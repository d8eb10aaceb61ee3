package margins;

/** A failure the user can act on: its message says what went wrong and what to do. */
public class MarginsException extends RuntimeException {

  public MarginsException(String message) {
    super(message);
  }

  public MarginsException(String message, Throwable cause) {
    super(message, cause);
  }
}

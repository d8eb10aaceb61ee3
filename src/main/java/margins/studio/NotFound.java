package margins.studio;

/** Something the page named does not exist: answered with 404 and the message. */
public final class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message, null, false, false);
  }
}

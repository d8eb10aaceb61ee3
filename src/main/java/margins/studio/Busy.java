package margins.studio;

/** The machine's job queue is full: the page is told to try again rather than the queue growing. */
public final class Busy extends RuntimeException {

  public Busy(String message) {
    super(message, null, false, false);
  }
}

package margins.archive;

import java.io.PrintWriter;

/** Reports how far an ingest has got; silent unless a terminal is watching. */
public interface Progress {

  /** Ingests with fewer files than this finish too fast to need a progress line. */
  int MIN_FILES = 200;

  Progress NONE = new Progress() {
    @Override
    public void update(int done, int total) {}

    @Override
    public void finish() {}
  };

  void update(int done, int total);

  void finish();

  /** One line rewritten in place with a carriage return, e.g. on stderr of a terminal. */
  static Progress carriageReturn(PrintWriter err) {
    return new Progress() {
      private boolean shown;

      @Override
      public void update(int done, int total) {
        if (total >= MIN_FILES && (done % 50 == 0 || done == total)) {
          err.print("\ringest: " + done + "/" + total + " files");
          err.flush();
          shown = true;
        }
      }

      @Override
      public void finish() {
        if (shown) {
          err.print("\r" + " ".repeat(40) + "\r");
          err.flush();
        }
      }
    };
  }
}

package margins.archive;

/** One source entry left out of the archive, and why (a line of skipped.jsonl). */
public record Skip(String path, String reason) {

  /** The reason without its detail ("duplicate", "corrupt", ...), for counting skips by kind. */
  public String kind() {
    if (reason.startsWith("duplicate")) {
      return "duplicate";
    }
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}

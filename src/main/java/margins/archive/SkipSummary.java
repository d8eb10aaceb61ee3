package margins.archive;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the skip report readably: how many per kind of reason, the first few entries, where the full list is. */
final class SkipSummary {

  static final int SHOWN = 5;

  private SkipSummary() {}

  static void print(PrintWriter log, List<Skip> skipped, Path report) {
    if (skipped.isEmpty()) {
      log.println("Skipped nothing.");
      log.flush();
      return;
    }
    Map<String, Integer> byKind = new TreeMap<>();
    for (Skip s : skipped) {
      byKind.merge(s.kind(), 1, Integer::sum);
    }
    log.println("Skipped " + skipped.size() + " entr" + (skipped.size() == 1 ? "y" : "ies") + ":");
    byKind.forEach((kind, n) -> log.printf("  %5d  %s%n", n, kind));
    for (Skip s : skipped.subList(0, Math.min(SHOWN, skipped.size()))) {
      log.println("  " + s.path() + ": " + s.reason());
    }
    if (skipped.size() > SHOWN) {
      log.println("  ... and " + (skipped.size() - SHOWN) + " more");
    }
    log.println("Skip report: " + report);
    log.flush();
  }
}

package margins.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.Files2;
import margins.Json;

/**
 * store/journal.jsonl: what the PNGs do not hold (tags, notes, an artist's choice of creator or edges), one JSON
 * line per act, appended whole (one write each, so concurrent writers never interleave within a line). A rebuild
 * replays it, so a lost database loses nothing an artist added.
 */
final class Journal {

  static final String FILE = "journal.jsonl";

  private final Path file;

  Journal(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void append(Map<String, Object> act) {
    Files2.append(file, Json.line(act) + "\n");
  }

  /** Every whole line, in order; a torn last line (a crash in mid-write) is skipped. */
  List<JsonNode> acts() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(Json.MAPPER.readTree(line));
        } catch (IOException e) {
          // A line cut short by a crash: what it said was never committed to the database either.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

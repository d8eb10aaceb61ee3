package margins.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import margins.Files2;
import margins.Json;

/** A run's metrics.jsonl: one JSON line per logged step, and event lines (such as a NaN stop) between them. */
public final class RunLog {

  private RunLog() {}

  /** Appends one line: a step's metrics record, or an event's JSON. */
  static void append(RunDir run, String jsonLine) {
    try {
      Files.writeString(run.metrics(), jsonLine + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Notes that training stopped at a step because the loss stopped being finite. */
  static void nonFinite(RunDir run, int step) {
    append(run, "{\"step\":" + step + ",\"event\":\"non-finite-loss\"}");
  }

  /** The step lines of a run's metrics file as records of a type (events such as a NaN stop are left out). */
  public static <T> List<T> read(RunDir run, Class<T> type) {
    if (!Files.exists(run.metrics())) {
      return List.of();
    }
    try {
      return Files.readAllLines(run.metrics()).stream()
          .filter(s -> !s.isBlank() && !s.contains("\"event\""))
          .map(s -> Json.parse(s, type)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The VAE's step lines. */
  public static List<StepMetrics> readMetrics(RunDir run) {
    return read(run, StepMetrics.class);
  }

  /** Replaces the file with these lines: on resume, lines logged after the checkpoint belong to steps run again. */
  static void rewrite(RunDir run, List<?> lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach(m -> sb.append(Json.line(m)).append('\n'));
    Files2.writeAtomic(run.metrics(), sb.toString());
  }
}

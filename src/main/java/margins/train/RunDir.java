package margins.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margins.Files2;
import margins.Json;
import margins.MarginsException;

/** A numbered run directory under `studio/runs` (`00003-vae32`): config first, then metrics, sheets, checkpoints. */
public record RunDir(Path dir) {

  private static final Pattern NAME = Pattern.compile("\\d{5}-.*");
  private static final Pattern CKPT = Pattern.compile("step-(\\d{6,})\\.ckpt");

  public static Path runsOf(Path studio) {
    return studio.resolve("runs");
  }

  /** A new run's directory with its resolved config written first, said on out: how every training begins. */
  static RunDir begin(Path studio, String description, RunConfig config, PrintWriter out) {
    RunDir run = create(studio, description);
    Files2.writeAtomic(run.config(), Json.pretty(config));
    out.println("run " + run.dir());
    out.flush();
    return run;
  }

  /**
   * Makes the next numbered directory. The number is taken under a lock on runs/.lock (and this class's own, since a
   * file lock is per process), so two runs started at once, in one process or two, never get the same one.
   */
  public static synchronized RunDir create(Path studio, String description) {
    Path runs = runsOf(studio);
    try {
      Files.createDirectories(runs);
      try (FileChannel lockFile = FileChannel.open(runs.resolve(".lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        int next = list(studio).stream()
            .mapToInt(r -> Integer.parseInt(r.name().substring(0, 5)) + 1).max().orElse(0);
        Path dir = runs.resolve(String.format("%05d-%s", next, description));
        Files.createDirectory(dir);
        Files.createDirectories(dir.resolve("checkpoints"));
        Files.createDirectories(dir.resolve("sheets"));
        return new RunDir(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every run of a studio, oldest first. */
  public static List<RunDir> list(Path studio) {
    Path runs = runsOf(studio);
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches())
          .sorted().map(RunDir::new).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run by name or number prefix, or the newest one that has a checkpoint when name is null. */
  public static RunDir find(Path studio, String name) {
    List<RunDir> runs = list(studio);
    if (name == null) {
      return runs.stream().filter(r -> r.latestCheckpoint().isPresent()).reduce((a, b) -> b)
          .orElseThrow(() -> new MarginsException(
              "no trained model in " + studio + ": run 'margins train' first (or 'margins demo')"));
    }
    return runs.stream().filter(r -> r.name().equals(name) || r.name().startsWith(name + "-")).findFirst()
        .orElseThrow(() -> new MarginsException("no run '" + name + "' in " + runsOf(studio)
            + "; runs there: " + runs.stream().map(RunDir::name).toList()));
  }

  public String name() {
    return dir.getFileName().toString();
  }

  public Path config() {
    return dir.resolve("config.json");
  }

  public Path metrics() {
    return dir.resolve("metrics.jsonl");
  }

  public Path sheets() {
    return dir.resolve("sheets");
  }

  public Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  public Path checkpoint(int step) {
    return checkpoints().resolve(String.format("step-%06d.ckpt", step));
  }

  /** Checkpoints, oldest step first (by step number: step-1000000 comes after step-999999). */
  public List<Path> checkpointFiles() {
    if (!Files.isDirectory(checkpoints())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(checkpoints())) {
      return s.filter(p -> CKPT.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(RunDir::stepOf)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes all but the newest `keep` checkpoints (by step); the newest is never deleted. */
  public void pruneCheckpoints(int keep) {
    List<Path> all = checkpointFiles();
    for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
      try {
        Files.deleteIfExists(all.get(i));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Optional<Path> latestCheckpoint() {
    List<Path> all = checkpointFiles();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The step a checkpoint file was written at. */
  public static int stepOf(Path checkpoint) {
    var m = CKPT.matcher(checkpoint.getFileName().toString());
    if (!m.matches()) {
      throw new MarginsException(checkpoint + " is not named step-NNNNNN.ckpt");
    }
    return Integer.parseInt(m.group(1));
  }
}

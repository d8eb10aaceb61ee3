package margins.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import margins.train.RunDir;

/**
 * The {@link TinyStudio} trained once per test JVM and shared by every test that only reads it; a test that writes
 * into its studio (re-ingest, new runs, clusters, default output folders) works on a {@link #copy} instead.
 */
public final class SharedStudio {

  private static Path studio;
  private static List<String> pristine;
  private static RuntimeException failure;

  private SharedStudio() {}

  /** The shared studio, trained on first use under a temp folder that is deleted when the JVM exits. */
  public static synchronized Path get() {
    if (failure != null) {
      throw failure;
    }
    if (studio == null) {
      try {
        Path root = Files.createTempDirectory("margins-shared-studio-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        studio = TinyStudio.make(root);
        pristine = listing(studio);
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
        throw failure;
      } catch (RuntimeException | Error e) {
        // Train once even when training fails: every later test reports the same cause at once.
        failure = new IllegalStateException("the shared tiny studio could not be made", e);
        throw failure;
      }
    }
    return studio;
  }

  /** Fails if a test wrote into the shared studio: that makes other tests depend on the order they run in. */
  public static synchronized void assertUnchanged() {
    if (studio != null && !pristine.equals(listing(studio))) {
      throw new AssertionError("a test changed the shared studio; give it a SharedStudio.copy instead. Before: "
          + pristine + "\nafter: " + listing(studio));
    }
  }

  /** A private copy of the shared studio at dir/studio, for a test that changes its studio. */
  public static Path copy(Path dir) {
    Path from = get();
    Path to = dir.resolve("studio");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** The command on the shared studio, with --studio after its name. */
  public static MarginsTest.Run run(String... args) {
    return TinyStudio.run(get(), args);
  }

  /** The folder of a studio's only run. */
  public static Path onlyRun(Path studio) {
    List<RunDir> runs = RunDir.list(studio);
    if (runs.size() != 1) {
      throw new AssertionError("expected one run in " + studio + ", found " + runs);
    }
    return runs.get(0).dir();
  }

  /** Every file and folder under dir with its size, sorted: equal before and after means nothing was written. */
  public static List<String> listing(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + size(p) : "/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort at exit: a leftover temp folder is not worth failing the build for.
    }
  }
}

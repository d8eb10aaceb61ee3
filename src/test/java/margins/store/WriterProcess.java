package margins.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.recipe.Recipe;

/**
 * A separate process for the store's reliability tests: writes PNGs into studio/outputs/NAME and registers them in
 * batches, as a command does; with a count of 0 it goes on until it is killed.
 * Arguments: studio, name, count, batch size, first seed.
 */
public final class WriterProcess {

  private WriterProcess() {}

  public static void main(String[] args) {
    Path studio = Path.of(args[0]);
    String name = args[1];
    long count = Long.parseLong(args[2]);
    int batch = Integer.parseInt(args[3]);
    long first = Long.parseLong(args[4]);
    Path dir = studio.resolve("outputs").resolve(name);
    try (Store store = Store.open(studio)) {
      for (long s = first; count == 0 || s < first + count; s += batch) {
        List<Registration> regs = new ArrayList<>();
        for (long i = s; i < s + batch && (count == 0 || i < first + count); i++) {
          Recipe r = TestItems.recipe(i, i % 3 == 0 ? "alien" : "mimetic");
          regs.add(Registration.of(TestItems.write(dir, r), r));
        }
        store.registerAll(regs);
        if (count == 0) {
          System.out.println("registered " + (s + batch - first));
          System.out.flush();
        }
      }
    }
  }

  /** Starts one in a new JVM on this test's class path. */
  static Process start(Path studio, String name, long count, int batch, long first) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        WriterProcess.class.getName(), studio.toString(), name, Long.toString(count), Integer.toString(batch),
        Long.toString(first)).redirectErrorStream(true).start();
  }
}

package margins.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margins.Hashes;
import margins.recipe.Outputs;
import margins.recipe.Recipe;

/**
 * Registers what a command writes in its studio's store, a chunk at a time, as the {@link Outputs.Sink} the
 * writers tell. The store is opened at the first chunk, so a command refused before it writes leaves no store
 * behind. A store that cannot be opened or written is said once on stderr and the command goes on: the PNGs are the
 * truth, and 'margins store check' registers what was missed. PNGs written outside the studio are not registered
 * (rebuild and check read only the studio); 'margins store add' registers them.
 */
public final class Registrar implements Outputs.Sink, AutoCloseable {

  private final Path studio;
  private final PrintWriter err;
  private final boolean remakes;
  private final long opened = System.nanoTime();
  private Store store;
  private boolean failed;
  private int registered;
  private int missed;
  private int outside;
  private long nanos;

  private Registrar(Path studio, PrintWriter err, boolean remakes) {
    this.studio = studio.toAbsolutePath().normalize();
    this.err = err;
    this.remakes = remakes;
  }

  /**
   * A registrar for this studio's store, saying on err why it could not register anything. It opens nothing yet,
   * but loads SQLite's native library on a background thread, so the first chunk does not wait for it.
   */
  public static Registrar of(Path studio, PrintWriter err) {
    return start(new Registrar(studio, err, false));
  }

  /**
   * The same for images made again from their recipes (redo, walk --recipe): a remake has its original's recipe,
   * so its original's id, and becomes another file of that item, whose creator (an artist's keep) it leaves alone.
   */
  public static Registrar remaking(Path studio, PrintWriter err) {
    return start(new Registrar(studio, err, true));
  }

  private static Registrar start(Registrar r) {
    Thread warm = new Thread(Store::warmUp, "store-warm-up");
    warm.setDaemon(true);
    warm.start();
    return r;
  }

  @Override
  public void written(List<Path> pngs, List<Recipe> recipes) {
    long t0 = System.nanoTime();
    List<Integer> inside = new ArrayList<>(pngs.size());
    for (int i = 0; i < pngs.size(); i++) {
      if (pngs.get(i).toAbsolutePath().normalize().startsWith(studio)) {
        inside.add(i);
      } else {
        outside++;
      }
    }
    try {
      if (!inside.isEmpty() && !failed) {
        if (store == null) {
          store = Store.open(studio);
        }
        List<Registration> batch = new ArrayList<>(inside.size());
        for (int i : inside) {
          batch.add(new Registration(pngs.get(i), recipes.get(i), creator(recipes.get(i)), List.of()));
        }
        store.registerAll(batch);
        registered += batch.size();
      } else {
        missed += failed ? inside.size() : 0;
      }
    } catch (RuntimeException e) {
      failed = true;
      missed += inside.size();
      err.println("margins: the store could not register the images this command writes: " + e.getMessage());
      err.println("margins: every image is still written with its recipe; 'margins store check' registers them"
          + " once the store is fixed ('margins store rebuild' makes it again from the PNGs)");
      err.flush();
    } finally {
      nanos += System.nanoTime() - t0;
    }
  }

  /** A machine's output, or for a remake the creator its item already has in the store. */
  private Creator creator(Recipe recipe) {
    if (!remakes) {
      return Creator.MACHINE;
    }
    return Items.byId(store, Hashes.sha256(recipe.json())).map(i -> Creator.parse(i.creator()))
        .orElse(Lineages.creator(recipe));
  }

  /** Images registered so far. */
  public int registered() {
    return registered;
  }

  /** Images written into the studio that the store could not take. */
  public int missed() {
    return missed;
  }

  /** Images written outside the studio, left unregistered. */
  public int outside() {
    return outside;
  }

  /** Seconds spent registering (hashing the files and the inserts). */
  public double seconds() {
    return nanos / 1e9;
  }

  /**
   * What the command tells the artist: how many were registered and what share of the time since this registrar
   * was made it took ("store: 64 images registered in 0.031 s, 1.2% of 2.6 s"), or why some were not; "" when
   * nothing was written.
   */
  public String summary() {
    double total = (System.nanoTime() - opened) / 1e9;
    List<String> lines = new ArrayList<>();
    if (registered > 0) {
      lines.add(String.format(Locale.ROOT, "store: %d images registered in %.3f s, %.1f%% of %.1f s", registered,
          seconds(), 100 * seconds() / Math.max(1e-9, total), total));
    }
    if (missed > 0) {
      lines.add("store: " + missed + " images not registered (see the error above); 'margins store check'"
          + " registers them");
    }
    if (outside > 0) {
      lines.add("store: " + outside + " images outside the studio " + studio + " not registered; 'margins store add"
          + " DIR' registers them");
    }
    return String.join(System.lineSeparator(), lines);
  }

  /** Prints the summary on the command's output, if there is one. */
  public void report(PrintWriter out) {
    String s = summary();
    if (!s.isEmpty()) {
      out.println(s);
    }
  }

  @Override
  public void close() {
    if (store != null) {
      try {
        store.close();
      } catch (RuntimeException e) {
        err.println("margins: " + e.getMessage());
        err.flush();
      }
    }
  }
}

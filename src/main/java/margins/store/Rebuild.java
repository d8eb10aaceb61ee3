package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margins.Json;
import margins.Progress;
import margins.recipe.Recipe;

/**
 * Makes the store again from the studio's PNGs: the old database is moved aside (margins.db.replaced-TIME, never
 * deleted), every PNG carrying a recipe is registered as its recipe says, then the journal of what an artist added
 * is replayed, the studio's acts are copied from its explorations' journals (their truth) and the training runs
 * are listed. Run it while no other command writes to the studio.
 */
public final class Rebuild {

  /** PNGs per transaction. */
  static final int BATCH = 512;

  /**
   * What a rebuild did.
   *
   * @param items distinct items registered
   * @param files PNGs registered
   * @param skipped PNGs without a recipe (contact sheets, other images)
   * @param acts journal acts applied
   * @param studioActs the studio's acts restored from its explorations' journals
   * @param replaced where the old database went, or null when there was none
   * @param seconds how long it took
   */
  public record Result(long items, int files, int skipped, int acts, int studioActs, Path replaced,
      double seconds) {}

  private Rebuild() {}

  public static Result run(Path studio, List<Path> alsoUnder, String software, Progress.Target progress) {
    long t0 = System.nanoTime();
    Path s = studio.toAbsolutePath().normalize();
    Path replaced = moveAside(Store.file(s));
    try (Store store = Store.open(s, software)) {
      List<Path> pngs = new ArrayList<>(StudioPngs.under(s));
      for (Path dir : alsoUnder) {
        pngs.addAll(StudioPngs.under(dir.toAbsolutePath().normalize()));
      }
      int[] counts = register(store, pngs, progress.start("rebuilding the store", pngs.size(), 2000));
      int acts = Acts.replay(store);
      int studioActs = StudioActs.replay(store);
      Runs.sync(store);
      return new Result(Items.count(store), counts[0], counts[1], acts, studioActs, replaced,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Registers every PNG that carries a recipe, a batch per transaction; returns {registered, skipped}. */
  static int[] register(Store store, List<Path> pngs, Progress progress) {
    int registered = 0;
    int skipped = 0;
    List<ItemWriter.Prepared> batch = new ArrayList<>();
    for (int i = 0; i < pngs.size(); i++) {
      Optional<ItemWriter.Prepared> p = prepare(store.studio(), pngs.get(i));
      if (p.isPresent()) {
        batch.add(p.get());
      } else {
        skipped++;
      }
      if (batch.size() == BATCH || i == pngs.size() - 1 && !batch.isEmpty()) {
        List<ItemWriter.Prepared> chunk = List.copyOf(batch);
        store.write(c -> ItemWriter.insert(c, store.studio(), chunk));
        registered += chunk.size();
        batch.clear();
        progress.update(i + 1, "");
      }
    }
    progress.end();
    return new int[] {registered, skipped};
  }

  /** A PNG's registration as its recipe alone gives it, or empty when it carries none (or is unreadable). */
  static Optional<ItemWriter.Prepared> prepare(Path studio, Path png) {
    Optional<String> text = RecipeChunks.text(png);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Recipe recipe;
    try {
      recipe = Json.parse(text.get(), Recipe.class);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Registration r = new Registration(png, recipe, Lineages.creator(recipe), List.of());
    return Optional.of(ItemWriter.prepare(studio, r, text.get()));
  }

  private static Path moveAside(Path db) {
    if (!Files.exists(db)) {
      return null;
    }
    Path aside = db.resolveSibling(db.getFileName() + ".replaced-" + System.currentTimeMillis());
    try {
      Files.move(db, aside, StandardCopyOption.ATOMIC_MOVE);
      for (String suffix : List.of("-wal", "-shm")) {
        Path side = db.resolveSibling(db.getFileName() + suffix);
        if (Files.exists(side)) {
          Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return aside;
  }
}

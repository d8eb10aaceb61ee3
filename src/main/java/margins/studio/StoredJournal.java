package margins.studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import margins.Json;
import margins.MarginsException;
import margins.recipe.Recipe;
import margins.store.Acts;
import margins.store.Creator;
import margins.store.Items;
import margins.store.Lineages;
import margins.store.Store;
import margins.store.StudioActs;

/**
 * The exploration's journal ({@link FileJournal}: every act, offer and answer, forced to the disk) and, beside it,
 * the studio's store: each tile's PNG is registered as an item as it is made, its edges and creator read from its
 * recipe (so `margins lineage` and `margins find` see the exploration, and `margins store rebuild` makes them
 * again from the PNGs), and a keep or reject tags the item ("kept", "rejected"; a keep also makes the artist its
 * creator). Every other entry (its beginning, each act, offer and answer) is copied into the store's acts table.
 * The journal is written first and stays the truth; a store that fails is said once on stderr and never costs an
 * act ('margins store check' copies what it missed from the journal).
 */
final class StoredJournal implements Journal {

  /** The tags a keep and a reject give the tile's item. */
  static final String KEPT = "kept";

  static final String REJECTED = "rejected";

  private final Journal journal;
  private final Store store;
  private boolean warned;

  private StoredJournal(Journal journal, Store store) {
    this.journal = journal;
    this.store = store;
  }

  /** The journal, with the studio's store opened beside it (or none, said on stderr, when it cannot be opened). */
  static StoredJournal open(Journal journal, Path studio, String software) {
    Store store = null;
    try {
      store = Store.open(studio, software);
    } catch (MarginsException e) {
      System.err.println("margins studio: the store cannot be opened, so explorations are only in their journals ("
          + e.getMessage() + ")");
    }
    return new StoredJournal(journal, store);
  }

  @Override
  public void begin(Begin begin) {
    journal.begin(begin);
    copy(begin.exploration(), begin);
  }

  @Override
  public void act(String exploration, Act act) {
    journal.act(exploration, act);
    copy(exploration, act);
    String tile = act.text("tile");
    if (tile != null && (act.act().equals("keep") || act.act().equals("reject"))) {
      Path png = folder(exploration).resolve("tiles").resolve(tile + ".png");
      store(png, act.act().equals("keep"));
    }
  }

  @Override
  public void item(String exploration, Tile tile) {
    journal.item(exploration, tile);
    store(folder(exploration).resolve(tile.file()), null);
  }

  @Override
  public void offer(String exploration, Offer offer) {
    journal.offer(exploration, offer);
    copy(exploration, offer);
  }

  @Override
  public void answer(String exploration, Answer answer) {
    journal.answer(exploration, answer);
    copy(exploration, answer);
  }

  @Override
  public List<Entry> replay(String exploration) {
    return journal.replay(exploration);
  }

  @Override
  public List<Summary> explorations() {
    return journal.explorations();
  }

  @Override
  public Path folder(String exploration) {
    return journal.folder(exploration);
  }

  /** The store, or null when it could not be opened. */
  Store store() {
    return store;
  }

  /** Copies a journaled entry into the store's acts table, as the journal's line says it. */
  private void copy(String exploration, Entry entry) {
    if (store == null) {
      return;
    }
    try {
      StudioActs.fromJournal(exploration, Json.MAPPER.readTree(Json.line(entry)))
          .ifPresent(a -> StudioActs.record(store, a));
    } catch (RuntimeException | java.io.IOException e) {
      warn(exploration + "'s " + entry.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " "
          + entry.seq(), e);
    }
  }

  /** Registers the PNG (kept: true or false tags it, and a keep makes the artist its creator; null: as made). */
  private void store(Path png, Boolean kept) {
    if (store == null || !Files.isRegularFile(png)) {
      return;
    }
    try {
      Optional<Recipe> recipe = Recipe.of(png);
      if (recipe.isEmpty()) {
        return;
      }
      Creator creator = Boolean.TRUE.equals(kept) ? Creator.HUMAN : Lineages.creator(recipe.get());
      String id = store.register(png, recipe.get(), creator, List.of());
      if (kept != null) {
        Acts.tag(store, Items.byId(store, id).orElseThrow(), kept ? KEPT : REJECTED);
      }
    } catch (RuntimeException e) {
      warn(png.getFileName().toString(), e);
    }
  }

  /** Says once on stderr that the store failed; the journal has what it missed. */
  private synchronized void warn(String what, Exception e) {
    if (!warned) {
      warned = true;
      System.err.println("margins studio: the store could not record " + what + " (" + e.getMessage()
          + "); the exploration's journal has it, and 'margins store check' copies it into the store");
    }
  }

  /** Closes the store. */
  void close() {
    if (store != null) {
      store.close();
    }
  }
}

package margins.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.Progress;
import margins.recipe.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildAndCheckTest {

  @TempDir Path studio;

  /** Six items in two folders, one a variation of another, one tagged and noted, one a human's crossover. */
  private List<Path> populate() {
    List<Path> files = new ArrayList<>();
    try (Store store = Store.open(studio)) {
      for (int s = 0; s < 4; s++) {
        Recipe r = TestItems.recipe(s, s % 2 == 0 ? "alien" : "marginal");
        Path png = TestItems.write(studio.resolve("outputs/00000-vae32-tail"), r);
        store.register(png, r, Creator.MACHINE, List.of());
        files.add(png);
      }
      Recipe vary = TestItems.recipe(10, "mimetic", "posterior", List.of("file:" + files.get(0).toAbsolutePath(),
          "sha256:" + margins.Hashes.sha256(files.get(0))), Map.of());
      Path v = TestItems.write(studio.resolve("outputs/vary-seed0000-posterior"), vary);
      String varied = store.register(v, vary, Creator.MACHINE, List.of());
      files.add(v);
      Recipe cross = TestItems.recipe(11, "alien");
      Path x = TestItems.write(studio.resolve("outputs/studio"), cross);
      store.register(x, cross, Creator.HUMAN, List.of(Edge.toItem(varied, EdgeKind.CROSSOVER),
          Edge.of("archive:2", EdgeKind.CROSSOVER)));
      files.add(x);
      Item tagged = Items.byId(store, varied).orElseThrow();
      Acts.tag(store, tagged, "keep");
      Acts.note(store, tagged, "the one with the red eye");
    }
    return files;
  }

  /** Every row that a rebuild must give again, as text, sorted. */
  static List<String> dump(Store store) {
    List<String> rows = new ArrayList<>();
    store.read(c -> {
      for (String sql : List.of(
          "SELECT id, recipe, kind, creator, created_at, model, sampler, seed FROM items",
          "SELECT f.path, i.id, f.sha256, f.bytes, f.modified_at FROM files f JOIN items i ON i.n = f.item",
          "SELECT c.id, e.position, e.parent, e.parent_sha256, e.parent_key, p.id, e.kind FROM edges e"
              + " JOIN items c ON c.n = e.child LEFT JOIN items p ON p.n = e.parent_item",
          "SELECT i.id, m.space, m.nearest, m.distance, m.kind FROM measures m JOIN items i ON i.n = m.item",
          "SELECT i.id, t.tag FROM tags t JOIN items i ON i.n = t.item",
          "SELECT i.id, o.text, o.added_at FROM notes o JOIN items i ON i.n = o.item")) {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            StringBuilder sb = new StringBuilder(sql.substring(sql.indexOf("FROM")));
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              sb.append(" | ").append(rs.getString(i));
            }
            rows.add(sb.toString());
          }
        }
      }
      return null;
    });
    rows.sort(null);
    return rows;
  }

  @Test
  void rebuildingFromThePngsAfterDeletingTheDatabaseGivesTheSameItemsLineageTagsAndNotes() throws Exception {
    populate();
    List<String> before;
    try (Store store = Store.open(studio)) {
      before = dump(store);
    }
    Files.delete(Store.file(studio));
    Files.deleteIfExists(Store.file(studio).resolveSibling("margins.db-wal"));
    Files.deleteIfExists(Store.file(studio).resolveSibling("margins.db-shm"));
    Rebuild.Result r = Rebuild.run(studio, List.of(), "margins test", Progress.Target.NONE);
    assertEquals(6, r.items());
    try (Store store = Store.open(studio)) {
      assertEquals(before, dump(store));
      assertTrue(before.stream().anyMatch(s -> s.contains("| human |")), "the crossover's creator survives");
      assertTrue(before.stream().filter(s -> s.startsWith("FROM edges") && s.endsWith("crossover")).count() == 2);
    }
  }

  @Test
  void aRebuildMovesTheOldDatabaseAsideAndSkipsPngsWithoutARecipe() throws Exception {
    populate();
    margins.image.Png.write(studio.resolve("outputs/00000-vae32-tail/sheet.png"), TestItems.image(1));
    Rebuild.Result r = Rebuild.run(studio, List.of(), "margins test", Progress.Target.NONE);
    assertEquals(1, r.skipped());
    assertTrue(Files.exists(r.replaced()));
    try (Store store = Store.open(studio)) {
      assertEquals(6, Items.count(store));
    }
  }

  @Test
  void checkFindsDeletedChangedAndUnregisteredFilesAndRepairsThem() throws Exception {
    List<Path> files = populate();
    Files.delete(files.get(1));
    Recipe other = TestItems.recipe(2, "copy");
    margins.image.Png.write(files.get(2), TestItems.image(99), Recipe.KEYWORD, other.json());
    Recipe stray = TestItems.recipe(20, "alien");
    TestItems.write(studio.resolve("outputs/killed-run"), stray);
    try (Store store = Store.open(studio)) {
      Check.Report found = Check.run(store, false, Progress.Target.NONE);
      assertFalse(found.consistent());
      assertEquals(List.of("outputs/00000-vae32-tail/seed0001.png"), found.gone());
      assertEquals(List.of("outputs/00000-vae32-tail/seed0002.png"), found.changed());
      assertEquals(List.of("outputs/killed-run/seed0020.png"), found.unregistered());
      assertEquals(6, Items.count(store), "a dry run changes nothing");
      Check.Report repaired = Check.run(store, true, Progress.Target.NONE);
      assertTrue(repaired.repaired());
      assertTrue(Check.run(store, false, Progress.Target.NONE).consistent());
      assertEquals("copy", Items.resolve(store, "seed:2").kind());
      assertEquals(6, Items.count(store), "one gone, one registered");
    }
  }

  @Test
  void aStoreThatAgreesWithItsPngsChecksConsistent() {
    populate();
    try (Store store = Store.open(studio)) {
      Check.Report r = Check.run(store, true, Progress.Target.NONE);
      assertTrue(r.consistent(), r.toString());
      assertFalse(r.repaired());
      assertEquals("ok", r.integrity());
    }
  }

  @Test
  void theStudiosActsComeFromItsExplorationsJournalsATornLastLineSkippedAndCheckAndRebuildCopyThem()
      throws Exception {
    populate();
    String x = "20261202-050000-abcd";
    Path journal = studio.resolve(StudioActs.DIR).resolve(x).resolve(StudioActs.FILE);
    Files.createDirectories(journal.getParent());
    Files.writeString(journal, String.join("\n",
        "{\"entry\":\"begin\",\"seq\":0,\"at\":100,\"exploration\":\"" + x + "\",\"model\":\"00000-vae32@300\"}",
        "{\"entry\":\"item\",\"seq\":1,\"at\":110,\"id\":\"t0\"}",
        "{\"entry\":\"act\",\"seq\":2,\"at\":120,\"act\":\"keep\",\"actor\":\"human\",\"data\":{\"tile\":\"t0\"}}",
        "{\"entry\":\"offer\",\"seq\":3,\"at\":130,\"id\":\"o0\",\"trigger\":\"converge\",\"kind\":\"tiles\"}",
        "{\"entry\":\"answer\",\"seq\":4,\"at\":140,\"offer\":\"o0\",\"answer\":\"not-now\"}",
        "{\"entry\":\"act\",\"seq\":5,\"at\":150,\"act\":\"pau"));
    List<String> expected = List.of("0 begin human null", "2 keep human null", "3 converge machine o0",
        "4 not-now human o0");
    try (Store store = Store.open(studio)) {
      Check.Report found = Check.run(store, false, Progress.Target.NONE);
      assertEquals(4, found.unrecordedActs(), "the tile is an item and the torn line was never acknowledged");
      assertFalse(found.consistent());
      assertTrue(Check.run(store, true, Progress.Target.NONE).repaired());
      assertTrue(Check.run(store, false, Progress.Target.NONE).consistent());
      assertEquals(expected, rows(store, x));
      assertEquals("t0", StudioActs.of(store, x).get(1).tile());
    }
    Rebuild.Result r = Rebuild.run(studio, List.of(), "margins test", Progress.Target.NONE);
    assertEquals(4, r.studioActs());
    try (Store store = Store.open(studio)) {
      assertEquals(expected, rows(store, x));
    }
  }

  private static List<String> rows(Store store, String x) {
    return StudioActs.of(store, x).stream().map(a -> a.seq() + " " + a.name() + " " + a.actor() + " " + a.offer())
        .toList();
  }
}

package margins.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import margins.Hashes;
import margins.recipe.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

  @TempDir Path studio;

  @Test
  void aRegisteredPngBecomesAnItemNamedByItsRecipesHashWithItsFileMeasuresAndModel() {
    Recipe r = TestItems.recipe(3, "alien", "archive-neighbours", List.of("archive:4"), Map.of());
    Path png = TestItems.write(studio.resolve("outputs/a"), r);
    try (Store store = Store.open(studio)) {
      String id = store.register(png, r, Creator.MACHINE, List.of());
      assertEquals(Hashes.sha256(r.json()), id);
      Item item = Items.byId(store, id).orElseThrow();
      assertEquals("outputs/a/seed0003.png", item.path());
      assertEquals("alien", item.kind());
      assertEquals("machine", item.creator());
      assertEquals(r.json(), Items.recipe(store, id));
      assertEquals("0.3", store.read(c -> SchemaTest.query(c,
          "SELECT round(distance, 3) FROM measures WHERE space = 'pixel-structure'")));
      assertEquals(Hashes.sha256(png), store.read(c -> SchemaTest.query(c, "SELECT sha256 FROM files")));
      assertEquals("archive:4|sample", store.read(c -> SchemaTest.query(c, "SELECT parent || '|' || kind FROM edges")));
      assertEquals("2", store.read(c -> SchemaTest.query(c, "SELECT step FROM checkpoints")));
    }
  }

  @Test
  void aTagHoldingQuotesAndSqlIsStoredAndFoundVerbatimAndDropsNothing() {
    String evil = "it's \"odd\" '); DROP TABLE items;--";
    Recipe r = TestItems.recipe(1, "mimetic");
    Path png = TestItems.write(studio, r);
    try (Store store = Store.open(studio)) {
      Item item = Items.byId(store, store.register(png, r, Creator.HUMAN, List.of())).orElseThrow();
      Acts.tag(store, item, evil);
      Acts.note(store, item, evil);
      Filter byTag = new Filter(List.of(), List.of(), List.of(), List.of(), List.of(evil), null, null, null,
          List.of(), 10);
      assertEquals(List.of(item.id()), Find.items(store, byTag).stream().map(Item::id).toList());
      assertEquals(List.of(evil), Acts.tags(store, item.id()));
      assertEquals(List.of(evil), Acts.notes(store, item.id()));
      assertEquals(1, Items.count(store));
    }
  }

  @Test
  void findKeepsItemsByKindSamplerModelTimeAndMeasureRange() {
    try (Store store = Store.open(studio)) {
      for (int s = 0; s < 10; s++) {
        Recipe r = TestItems.recipe(s, s % 2 == 0 ? "alien" : "mimetic", s < 5 ? "tail" : "novelty-search", List.of(),
            Map.of());
        store.register(TestItems.write(studio.resolve("outputs"), r), r, Creator.MACHINE, List.of());
      }
      Filter all = Filter.all(100);
      assertEquals(10, Find.count(store, all));
      assertEquals(5, Find.count(store, with(all, List.of("alien"), List.of(), List.of(), null)));
      assertEquals(3, Find.count(store, with(all, List.of("alien"), List.of("tail"), List.of(), null)));
      assertEquals(10, Find.count(store, with(all, List.of(), List.of(), List.of("0"), null)));
      assertEquals(0, Find.count(store, with(all, List.of(), List.of(), List.of("00003"), null)));
      // distance is 0.1 x seed: seeds 3..6.
      assertEquals(4, Find.count(store, with(all, List.of(), List.of(), List.of(),
          Filter.Range.parse("pixel-structure.distance=0.25..0.65"))));
      assertEquals(2, Find.count(store, with(all, List.of("mimetic"), List.of(), List.of(),
          Filter.Range.parse("distance<=0.35"))));
      Filter future = new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), null,
          System.currentTimeMillis() + 86_400_000L, null, List.of(), 100);
      assertEquals(0, Find.count(store, future));
      assertEquals(3, Find.items(store, Filter.all(3)).size());
    }
  }

  @Test
  void timesAreDatesDateTimesOrAges() {
    Instant now = Instant.parse("2025-06-10T12:00:00Z");
    assertEquals(Instant.parse("2025-06-03T00:00:00Z").toEpochMilli(), Filter.time("2025-06-03", ZoneOffset.UTC, now));
    assertEquals(Instant.parse("2025-06-03T14:30:00Z").toEpochMilli(),
        Filter.time("2025-06-03T14:30", ZoneOffset.UTC, now));
    assertEquals(Instant.parse("2025-06-07T12:00:00Z").toEpochMilli(), Filter.time("3d", ZoneOffset.UTC, now));
  }

  @Test
  void aChildRegisteredBeforeItsParentFindsItWhenTheParentArrives() {
    Recipe parent = TestItems.recipe(1, "mimetic");
    Path parentPng = TestItems.write(studio.resolve("p"), parent);
    Recipe child = TestItems.recipe(2, "alien", "posterior",
        List.of("file:" + parentPng.toAbsolutePath(), "sha256:" + Hashes.sha256(parentPng)), Map.of());
    try (Store store = Store.open(studio)) {
      String c = store.register(TestItems.write(studio.resolve("c"), child), child, Creator.MACHINE, List.of());
      assertNull(store.read(x -> SchemaTest.query(x, "SELECT e.parent_item FROM edges e JOIN items i ON i.n = e.child"
          + " WHERE i.id = ?", c)));
      String p = store.register(parentPng, parent, Creator.MACHINE, List.of());
      assertEquals(p + "|vary", store.read(x -> SchemaTest.query(x, "SELECT p.id || '|' || e.kind FROM edges e"
          + " JOIN items i ON i.n = e.child JOIN items p ON p.n = e.parent_item WHERE i.id = ?", c)));
    }
  }

  @Test
  void aFileOverwrittenWithAnotherRecipeLeavesNoItemWithoutAFile() {
    Path dir = studio.resolve("outputs");
    try (Store store = Store.open(studio)) {
      Recipe first = TestItems.recipe(5, "alien");
      store.register(TestItems.write(dir, first), first, Creator.MACHINE, List.of());
      Recipe second = TestItems.recipe(5, "mimetic");
      String id = store.register(TestItems.write(dir, second), second, Creator.MACHINE, List.of());
      assertEquals(1, Items.count(store));
      assertEquals(id, Items.resolve(store, "seed:5").id());
    }
  }

  private static Filter with(Filter f, List<String> kinds, List<String> samplers, List<String> models,
      Filter.Range range) {
    return new Filter(kinds, f.regimes(), samplers, models, f.tags(), f.creator(), f.since(), f.until(),
        range == null ? List.of() : List.of(range), f.limit());
  }
}

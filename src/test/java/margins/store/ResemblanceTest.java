package margins.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margins.Progress;
import margins.image.Png;
import margins.recipe.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResemblanceTest {

  @TempDir Path studio;

  /** 30 items; seed 100's image is seed 7's, under another recipe. */
  private Store populate() {
    Store store = Store.open(studio);
    for (int s = 0; s < 30; s++) {
      Recipe r = TestItems.recipe(s, List.of("mimetic", "marginal", "alien").get(s % 3));
      store.register(TestItems.write(studio.resolve("outputs/a"), r), r, Creator.MACHINE, List.of());
    }
    Recipe twin = TestItems.recipe(100, "copy");
    Path twinPng = studio.resolve("outputs/b/seed0100.png");
    Png.write(twinPng, TestItems.image(7), Recipe.KEYWORD, twin.json());
    store.register(twinPng, twin, Creator.MACHINE, List.of());
    return store;
  }

  @Test
  void theNearestItemToAnImageIsItsTwinAndTheSheetHasARowPerSpaceAndSet() {
    try (Store store = populate()) {
      Similar.Query q = Similar.query(store, studio.resolve("outputs/a/seed0007.png").toString());
      Path sheet = studio.resolve("similar.png");
      Similar.Result r = Similar.run(store, q, 5, Vectors.featureSpaces(), sheet, Progress.Target.NONE);
      Similar.InSpace pixels = r.spaces().stream().filter(s -> s.space().equals("pixel-structure")).findFirst()
          .orElseThrow();
      assertEquals(5, pixels.items().size());
      assertEquals(0.0, pixels.items().get(0).distance(), 1e-9);
      assertTrue(pixels.items().get(0).label().startsWith("outputs/b/seed0100.png"), pixels.items().get(0).label());
      assertTrue(pixels.items().stream().noneMatch(n -> n.owner().equals(q.item())), "the query is not its own neighbour");
      for (int i = 1; i < 5; i++) {
        assertTrue(pixels.items().get(i).distance() >= pixels.items().get(i - 1).distance());
      }
      var img = Png.read(sheet);
      assertEquals(2 * r.spaces().size(), (img.getHeight() - 2) / 66, "a row of items and one of archive per space");
      String key = Vectors.featureSpaces().stream().filter(s -> s.id().equals("pixel-structure")).findFirst()
          .orElseThrow().key();
      assertEquals(31, Vectors.count(store, key), "every item has its vector now");
    }
  }

  @Test
  void aSeedOrAnIdPrefixNamesAnItemForSimilar() {
    try (Store store = populate()) {
      assertEquals(7, Items.resolve(store, "seed:7").seed());
      assertEquals(7, Items.resolve(store, "7").seed());
      Item i = Items.resolve(store, "seed:12");
      assertEquals(i, Items.resolve(store, i.id().substring(0, 8)));
      assertTrue(Similar.query(store, i.id().substring(0, 10)).item().equals(i.id()));
    }
  }

  @Test
  void theAtlasWritesBothLayoutsAndAPageThatNeedsNothingFetched() throws Exception {
    try (Store store = populate()) {
      Vectors.Space space = Vectors.featureSpaces().get(0);
      Atlas.Result r = Atlas.run(store, space, 1000, 0L, false, studio.resolve("atlas"), Progress.Target.NONE);
      assertEquals(31, r.items());
      assertEquals(List.of("atlas-pca.png", "atlas-umap.png"),
          r.pngs().stream().map(p -> p.getFileName().toString()).toList());
      for (Path p : r.pngs()) {
        assertEquals(AtlasPicture.SIDE, Png.read(p).getWidth());
      }
      String html = Files.readString(r.html());
      assertTrue(html.contains("atlas-sprites.png") && html.contains("\"alien\""), html);
      assertTrue(!html.contains("http://") && !html.contains("https://"), "nothing is fetched from elsewhere");
      assertTrue(Files.exists(studio.resolve("atlas/atlas-sprites.png")));
    }
  }

  @Test
  void umapFromTheSameSeedGivesTheSameMap() {
    float[][] v = NearestTest.clustered(120, 20, 9);
    assertArrayEquals(AtlasLayout.umap(v, 3L), AtlasLayout.umap(v, 3L));
  }
}

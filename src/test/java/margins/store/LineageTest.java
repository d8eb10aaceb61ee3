package margins.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import margins.Hashes;
import margins.recipe.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {

  @TempDir Path studio;

  @Test
  void aCrossoversLineageShowsBothParentsAndTheirOwnOriginsAsTextAndSvg() throws Exception {
    try (Store store = Store.open(studio)) {
      Recipe a = TestItems.recipe(1, "mimetic", "archive-neighbours", List.of("archive:3"), Map.of());
      String ida = store.register(TestItems.write(studio.resolve("o"), a), a, Creator.MACHINE, List.of());
      Recipe b = TestItems.recipe(2, "alien");
      Path pb = TestItems.write(studio.resolve("o"), b);
      String idb = store.register(pb, b, Creator.MACHINE, List.of());
      Recipe child = TestItems.recipe(3, "alien", "tail", List.of(), Map.of("edge", "crossover"));
      String idc = store.register(TestItems.write(studio.resolve("o"), child), child, Creator.HUMAN,
          List.of(Edge.toItem(ida, EdgeKind.CROSSOVER), Edge.toItem(idb, EdgeKind.CROSSOVER)));
      Recipe grandchild = TestItems.recipe(4, "marginal", "posterior", List.of("file:" + studio.resolve("o/seed0003.png"),
          "sha256:" + Hashes.sha256(studio.resolve("o/seed0003.png"))), Map.of());
      store.register(TestItems.write(studio.resolve("o"), grandchild), grandchild, Creator.MACHINE, List.of());

      Lineage.Graph g = Lineage.of(store, Items.byId(store, idc).orElseThrow(), 16, 1);
      List<Lineage.Link> parents = g.parentsOf("item:" + idc);
      assertEquals(List.of("item:" + ida, "item:" + idb), parents.stream().map(Lineage.Link::parent).toList());
      assertTrue(parents.stream().allMatch(l -> l.kind().equals("crossover")));
      assertEquals("archive:3", g.parentsOf("item:" + ida).get(0).parent());
      assertEquals("checkpoint:" + TestItems.CHECKPOINT_SHA, g.parentsOf("item:" + idb).get(0).parent());
      assertEquals(1, g.childrenOf("item:" + idc).size());

      String text = Lineage.text(g);
      assertTrue(text.contains("crossover <- " + ida.substring(0, 12)), text);
      assertTrue(text.contains("crossover <- " + idb.substring(0, 12)), text);
      assertTrue(text.contains("sample <- archive:3"), text);
      assertTrue(text.contains("vary -> "), text);

      Path svg = studio.resolve("lineage.svg");
      LineageSvg.write(store, g, svg);
      String s = Files.readString(svg);
      assertTrue(s.startsWith("<svg") && s.contains(ida.substring(0, 12)) && s.contains(idb.substring(0, 12)), s);
      assertEquals(5, s.split("marker-end=", -1).length - 1, "five links: two parents, their two origins, one child");
    }
  }
}

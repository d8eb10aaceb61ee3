package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.cli.Margins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every tile the studio makes is an item of the store as it is made, so `margins lineage` and `find` see it. */
class StoredJournalTest {

  static StudioFixture f;
  static String x;
  static List<String> grid = new ArrayList<>();

  @BeforeAll
  static void start() {
    f = new StudioFixture();
    x = f.ok("POST", "/api/explorations", "").get("id").asText();
    f.ok("POST", "/api/explorations/" + x + "/grid", "{}").get("tiles").forEach(t -> grid.add(t.get("id").asText()));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** A command on the fixture's studio: its exit code, then what it printed. */
  static List<String> margins(String... args) {
    return margins(f.studioDir, args);
  }

  /** A command on a studio: its exit code, then what it printed. */
  static List<String> margins(Path studio, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Margins.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--studio", studio.toString()));
    int code = cl.execute(all.toArray(String[]::new));
    return List.of(String.valueOf(code), out.toString());
  }

  Path png(String tile) {
    return f.studio.folder(x).resolve("tiles/" + tile + ".png");
  }

  @Test
  void aCrossoverOfTwoKeptTilesHasBothAsParentsInTheStoresLineage() {
    String a = grid.get(0);
    String b = grid.get(1);
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + a + "/keep", "{}");
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + b + "/keep", "{}");
    JsonNode children = f.ok("POST", "/api/explorations/" + x + "/breed",
        "{\"parents\": [\"" + a + "\", \"" + b + "\"], \"mutation\": 0.2}").get("tiles");
    String child = null;
    for (JsonNode c : children) {
      if (c.get("origin").asText().equals("crossover")) {
        child = c.get("id").asText();
      }
    }
    assertTrue(child != null, "half the children of two parents are crossovers: " + children);
    List<String> lineage = margins("lineage", png(child).toString());
    assertEquals("0", lineage.get(0), lineage.get(1));
    for (String parent : List.of(a, b)) {
      assertTrue(lineage.get(1).lines().anyMatch(l -> l.contains("crossover <- ") && l.contains("tiles/" + parent
          + ".png")), "the child's lineage names " + parent + ":\n" + lineage.get(1));
    }
  }

  @Test
  void keepsAndRejectsAreTaggedAndAKeepMakesTheArtistTheCreator() {
    String kept = grid.get(2);
    String rejected = grid.get(3);
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + kept + "/keep", "{}");
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + rejected + "/reject", "{}");
    String keptList = margins("find", "--tag", "kept", "--limit", "1000").get(1);
    String rejectedList = margins("find", "--tag", "rejected", "--limit", "1000").get(1);
    String human = margins("find", "--creator", "human", "--limit", "1000").get(1);
    assertTrue(keptList.contains("tiles/" + kept + ".png"), keptList);
    assertTrue(!keptList.contains("tiles/" + rejected + ".png"), keptList);
    assertTrue(rejectedList.contains("tiles/" + rejected + ".png"), rejectedList);
    assertTrue(human.contains("tiles/" + kept + ".png") && !human.contains("tiles/" + rejected + ".png"), human);
  }

  @Test
  void everyTileOfTheFirstGridIsAnItemMadeByTheMachine() {
    String machine = margins("find", "--creator", "machine", "--limit", "1000").get(1);
    for (String t : grid.subList(4, grid.size())) {
      assertTrue(machine.contains("tiles/" + t + ".png"), t + " in:\n" + machine);
    }
  }

  @Test
  void aStudioStartedAgainOnTheSameFolderReopensTheExplorationWhereItWasLeft() {
    String kept = grid.get(5);
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + kept + "/keep", "{}");
    String before = f.ok("GET", "/api/explorations/" + x, null).get("kept").toString();
    try (StudioFixture again = new StudioFixture(Voice.NORMAL, 16, f.studioDir)) {
      JsonNode reopened = again.ok("GET", "/api/explorations/" + x, null);
      assertEquals(before, reopened.get("kept").toString());
      assertTrue(reopened.get("kept").toString().contains(kept), reopened.get("kept").toString());
      assertEquals(grid.size(), reopened.get("grids").get(0).get("tiles").size());
      assertTrue(again.ok("GET", "/api/explorations", null).toString().contains(x), "it is listed among earlier ones");
    }
  }
}

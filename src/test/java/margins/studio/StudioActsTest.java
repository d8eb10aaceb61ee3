package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import margins.store.Store;
import margins.store.StudioAct;
import margins.store.StudioActs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every act of a session over HTTP (open, keep, settings, the machine's offer, the answer) is a row of the store. */
class StudioActsTest {

  static StudioFixture f;
  static String x;
  static String offer;
  static List<String> grid = new java.util.ArrayList<>();

  @BeforeAll
  static void session() {
    f = new StudioFixture();
    x = f.ok("POST", "/api/explorations", "").get("id").asText();
    f.ok("POST", "/api/explorations/" + x + "/grid", "{}").get("tiles").forEach(t -> grid.add(t.get("id").asText()));
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + grid.get(0) + "/keep", "{}");
    f.ok("POST", "/api/explorations/" + x + "/tiles/" + grid.get(1) + "/open", "{}");
    f.ok("POST", "/api/explorations/" + x + "/settings", "{\"mutation\": 0.3}");
    offer = f.ok("POST", "/api/explorations/" + x + "/ask", "{}").get("id").asText();
    f.ok("POST", "/api/explorations/" + x + "/offers/" + offer, "{\"answer\": \"not-now\"}");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static List<StudioAct> stored() {
    return StudioActs.of(((StoredJournal) f.studio.journal()).store(), x);
  }

  @Test
  void everyEntryOfTheJournalButItsTilesIsARowOfTheStoresActsInTheSameOrder() {
    List<Long> journaled = f.studio.journal().replay(x).stream().filter(e -> !(e instanceof Tile)).map(Entry::seq)
        .toList();
    assertEquals(journaled, stored().stream().map(StudioAct::seq).toList());
  }

  @Test
  void theOfferTheAnswerTheKeepTheOpenAndTheSettingsAreStoredWithWhoDidThem() {
    List<StudioAct> acts = stored();
    assertTrue(acts.stream().anyMatch(a -> a.entry().equals("offer") && a.actor().equals("machine")
        && a.name().equals("asked") && a.offer().equals(offer)), acts.toString());
    assertTrue(acts.stream().anyMatch(a -> a.entry().equals("answer") && a.actor().equals("human")
        && a.name().equals("not-now") && a.offer().equals(offer)), acts.toString());
    assertTrue(acts.stream().anyMatch(a -> a.name().equals("keep") && grid.get(0).equals(a.tile())), acts.toString());
    assertTrue(acts.stream().anyMatch(a -> a.name().equals("open") && grid.get(1).equals(a.tile())), acts.toString());
    StudioAct settings = acts.stream().filter(a -> a.name().equals("settings")).findFirst().orElseThrow();
    assertEquals(0.3, margins.Json.parse(settings.data(), JsonNode.class).path("data").path("mutation").asDouble(),
        1e-9);
  }

  @Test
  void aStoreThatCannotRecordCostsNoActSaysSoAndStoreCheckCopiesTheActFromTheJournal() throws Exception {
    String y = f.ok("POST", "/api/explorations", "").get("id").asText();
    String tile = f.ok("POST", "/api/explorations/" + y + "/grid", "{}").get("tiles").get(0).get("id").asText();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream was = System.err;
    sql("ALTER TABLE acts RENAME TO acts_away");
    try {
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      f.ok("POST", "/api/explorations/" + y + "/tiles/" + tile + "/keep", "{}");
    } finally {
      System.setErr(was);
      sql("ALTER TABLE acts_away RENAME TO acts");
    }
    assertTrue(f.ok("GET", "/api/explorations/" + y, null).get("kept").toString().contains(tile), "the keep stands");
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("the store could not record"),
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
    Store store = ((StoredJournal) f.studio.journal()).store();
    assertTrue(StudioActs.of(store, y).stream().noneMatch(a -> a.name().equals("keep")), "not in the store yet");
    List<String> check = StoredJournalTest.margins(f.studioDir, "store", "check");
    assertEquals("0", check.get(0), check.get(1));
    assertTrue(check.get(1).contains("1 studio acts in the explorations' journals but not in the store"),
        check.get(1));
    assertTrue(StudioActs.of(store, y).stream().anyMatch(a -> a.name().equals("keep") && tile.equals(a.tile())),
        StudioActs.of(store, y).toString());
  }

  /** A statement on the fixture's store through a connection of its own (as another process would). */
  static void sql(String statement) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + Store.file(f.studioDir));
        java.sql.Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void aRebuildOfTheStoreRestoresTheActsFromTheJournals(@TempDir Path dir) throws IOException {
    List<StudioAct> before = stored();
    Path copy = dir.resolve("studio");
    try (Stream<Path> all = Files.walk(f.studioDir)) {
      for (Path p : all.toList()) {
        Path q = copy.resolve(f.studioDir.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else if (!p.getFileName().toString().startsWith(Store.FILE)) {
          Files.copy(p, q);
        }
      }
    }
    List<String> rebuilt = StoredJournalTest.margins(copy, "store", "rebuild");
    assertEquals("0", rebuilt.get(0), rebuilt.get(1));
    long journaled = f.studio.journal().explorations().stream()
        .mapToLong(e -> f.studio.journal().replay(e.id()).stream().filter(n -> !(n instanceof Tile)).count()).sum();
    assertTrue(rebuilt.get(1).contains(", " + journaled + " studio acts"), journaled + ": " + rebuilt.get(1));
    try (Store store = Store.open(copy)) {
      assertEquals(before, StudioActs.of(store, x));
    }
  }
}

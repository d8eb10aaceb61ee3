package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import margins.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redo and walk --recipe register what they make again: another file of the same item, never a second item. */
class RemakeRegistrationTest {

  @TempDir Path tmp;

  @Test
  void redoRegistersTheImageItMakesAgainUnderItsRecipesIdOnceAndKeepsItsCreator() throws Exception {
    Path studio = SharedStudio.copy(tmp);
    Path sampled = studio.resolve("outputs/sampled");
    assertEquals(0, TinyStudio.run(studio, "sample", "--seeds", "0-1", "--out", sampled.toString(), "--device",
        "cpu").code);
    assertEquals(2, count(studio, "SELECT count(*) FROM items"));
    Path original = sampled.resolve("seed0001.png");
    MarginsTest.Run first = TinyStudio.run(studio, "redo", original.toString(), "--out",
        studio.resolve("outputs/again.png").toString(), "--device", "cpu");
    assertEquals(0, first.code, first.err);
    assertTrue(first.out.contains("store: 1 images registered in "), first.out);
    assertEquals(2, count(studio, "SELECT count(*) FROM items"));
    assertEquals(1, count(studio, "SELECT count(DISTINCT item) FROM files WHERE path LIKE '%seed0001.png'"
        + " OR path LIKE '%again.png'"), "the remake is a file of the original's item");
    sql(studio, "UPDATE items SET creator = 'human' WHERE n = (SELECT item FROM files WHERE path LIKE '%again.png')");
    MarginsTest.Run second = TinyStudio.run(studio, "redo", original.toString(), "--out",
        studio.resolve("outputs/again-2.png").toString(), "--device", "cpu");
    assertEquals(0, second.code, second.err);
    assertTrue(second.out.contains("store: 1 images registered in "), second.out);
    assertEquals(2, count(studio, "SELECT count(*) FROM items"));
    assertEquals(4, count(studio, "SELECT count(*) FROM files"));
    assertEquals(1, count(studio, "SELECT count(*) FROM items WHERE creator = 'human'"), "a keep is not undone");
  }

  @Test
  void aWalkMadeAgainFromItsRecipeRegistersItsFramesAsTheSameItems() throws Exception {
    Path studio = SharedStudio.copy(tmp);
    Path walked = studio.resolve("outputs/walked");
    MarginsTest.Run w = TinyStudio.run(studio, "walk", "1", "2", "--frames", "4", "--format", "png", "--out",
        walked.toString(), "--device", "cpu");
    assertEquals(0, w.code, w.err);
    assertEquals(4, count(studio, "SELECT count(*) FROM items"));
    MarginsTest.Run again = TinyStudio.run(studio, "walk", "--recipe", walked.resolve("walk.json").toString(),
        "--out", studio.resolve("outputs/walked-again").toString(), "--device", "cpu");
    assertEquals(0, again.code, again.err);
    assertTrue(again.out.contains("store: 4 images registered in "), again.out);
    MarginsTest.Run redo = TinyStudio.run(studio, "redo", walked.resolve("walk.json").toString(), "--out",
        studio.resolve("outputs/walked-redo").toString(), "--device", "cpu");
    assertEquals(0, redo.code, redo.err);
    assertTrue(redo.out.contains("store: 4 images registered in "), redo.out);
    assertEquals(4, count(studio, "SELECT count(*) FROM items"));
    assertEquals(12, count(studio, "SELECT count(*) FROM files"));
  }

  @Test
  void aWalkRecipeWithoutAnOutFolderIsBadUsageAndMakesNoStore() {
    Path studio = SharedStudio.copy(tmp);
    MarginsTest.Run r = TinyStudio.run(studio, "walk", "--recipe", tmp.resolve("walk.json").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--recipe needs --out DIR"), r.err);
    assertFalse(Files.exists(studio.resolve(Store.DIR)));
  }

  private static long count(Path studio, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.file(studio));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(Path studio, String update) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.file(studio));
        Statement s = c.createStatement()) {
      s.execute(update);
    }
  }
}

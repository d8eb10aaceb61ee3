package margins.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import margins.MarginsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {

  @TempDir Path dir;

  @Test
  void aNewStoreIsInWalModeAtTheLatestVersionWithItsMigrationRecorded() throws Exception {
    try (Store store = Store.open(dir, "margins test")) {
      assertEquals(Schema.LATEST, store.version());
      assertEquals("wal", store.read(c -> query(c, "PRAGMA journal_mode")));
      assertEquals("1|margins test,2|margins test", store.read(c -> query(c,
          "SELECT group_concat(version || '|' || software) FROM (SELECT * FROM migrations ORDER BY version)")));
    }
  }

  @Test
  void reopeningAStoreAppliesNoMigrationAgain() throws Exception {
    Store.open(dir).close();
    try (Store store = Store.open(dir)) {
      assertEquals(String.valueOf(Schema.LATEST), store.read(c -> query(c, "SELECT count(*) FROM migrations")));
    }
  }

  @Test
  void aStoreWrittenByANewerMarginsIsRefusedWithAClearMessageAndLeftUntouched() throws Exception {
    Store.open(dir).close();
    Path db = Store.file(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 7");
    }
    byte[] before = Files.readAllBytes(db);
    MarginsException e = assertThrows(MarginsException.class, () -> Store.open(dir));
    assertTrue(e.getMessage().contains("written by a newer Margins (schema v7; this Margins knows up to v"
        + Schema.LATEST + ")"), e.getMessage());
    assertTrue(e.getMessage().contains("upgrade Margins"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db));
  }

  @Test
  void aStoreAtVersionOneIsMigratedToTwoKeepingWhatItHeldAndThenTakesTheStudiosActs() throws Exception {
    Path db = Store.file(dir);
    Files.createDirectories(db.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      for (String sql : Schema.STEPS.get(0)) {
        s.execute(sql);
      }
      s.execute("PRAGMA user_version = 1");
      s.execute("INSERT INTO migrations VALUES (1, 0, 'margins 0.1')");
      s.execute("INSERT INTO runs(name, created_at) VALUES ('00000-vae32', 42)");
    }
    try (Store store = Store.open(dir, "margins test")) {
      assertEquals(2, store.version());
      assertEquals("1|margins 0.1,2|margins test", store.read(c -> query(c,
          "SELECT group_concat(version || '|' || software) FROM (SELECT * FROM migrations ORDER BY version)")));
      assertEquals("42", store.read(c -> query(c, "SELECT created_at FROM runs WHERE name = '00000-vae32'")));
      StudioAct kept = new StudioAct("x1", 3, 1000, "act", "keep", "human", "t0", null, "{}");
      StudioActs.record(store, kept);
      StudioActs.record(store, kept);
      assertEquals(List.of(kept), StudioActs.of(store, "x1"), "recorded once, read back whole");
    }
  }

  @Test
  void aDamagedDatabaseFileIsReportedWithTheWayToRebuildIt() throws Exception {
    Files.createDirectories(Store.file(dir).getParent());
    Files.writeString(Store.file(dir), "this is not a database, only text that got here somehow".repeat(100));
    MarginsException e = assertThrows(MarginsException.class, () -> Store.open(dir));
    assertTrue(e.getMessage().contains("margins store rebuild"), e.getMessage());
  }

  /** The first column of the first row, with the arguments bound. */
  static String query(Connection c, String sql, Object... args) throws java.sql.SQLException {
    try (java.sql.PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}

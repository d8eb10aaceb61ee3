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
      assertEquals("1|margins test", store.read(c -> query(c, "SELECT version || '|' || software FROM migrations")));
    }
  }

  @Test
  void reopeningAStoreAppliesNoMigrationAgain() throws Exception {
    Store.open(dir).close();
    try (Store store = Store.open(dir)) {
      assertEquals("1", store.read(c -> query(c, "SELECT count(*) FROM migrations")));
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
    assertTrue(e.getMessage().contains("written by a newer Margins (schema v7; this Margins knows up to v1)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("upgrade Margins"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db));
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

package margins.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import margins.MarginsException;

/**
 * The store's schema and its migrations. {@code PRAGMA user_version} holds the version; {@code migrations} records
 * when each was applied and by which Margins. Migration v(n+1) is a list of statements appended to {@link #STEPS};
 * one that is applied never changes. A store of a newer version than this Margins knows is refused, untouched.
 * v2 adds the studio's acts (the entries of its explorations' journals but their tiles, which are items).
 */
final class Schema {

  /** The edge kinds the edges table accepts (the CHECK constraint), from {@link EdgeKind}. */
  private static final String EDGE_KINDS = String.join(", ",
      java.util.Arrays.stream(EdgeKind.values()).map(k -> "'" + k.id() + "'").toList());

  /** Each entry takes the store from version i to i + 1. */
  static final List<List<String>> STEPS = List.of(List.of(
      "CREATE TABLE migrations(version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL, software TEXT NOT NULL)",
      // Training runs and their checkpoints, as the studio and the recipes name them.
      "CREATE TABLE runs(name TEXT PRIMARY KEY, created_at INTEGER, config TEXT)",
      "CREATE TABLE checkpoints(sha256 TEXT PRIMARY KEY, run TEXT NOT NULL, path TEXT NOT NULL, step INTEGER)",
      // One row per distinct recipe: id = SHA-256 of the recipe's JSON; n, the order it came in, is what other
      // tables refer to (a sequential key: inserts append instead of landing on random pages).
      "CREATE TABLE items(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, recipe TEXT NOT NULL, software TEXT, model TEXT, checkpoint TEXT,"
          + " checkpoint_sha256 TEXT, sampler TEXT, regime TEXT, seed INTEGER, psi REAL, resolution INTEGER,"
          + " device TEXT, kind TEXT, creator TEXT NOT NULL CHECK (creator IN ('human', 'machine')),"
          + " created_at INTEGER NOT NULL, registered_at INTEGER NOT NULL)",
      // Few indexes: each is one more random-key insert per item; filters scan from the newest down.
      "CREATE INDEX items_created ON items(created_at)",
      "CREATE INDEX items_seed ON items(seed)",
      // Where each item's PNG lies (relative to the studio when inside it) and the SHA-256 of its bytes.
      "CREATE TABLE files(path TEXT PRIMARY KEY, item INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE,"
          + " sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, modified_at INTEGER NOT NULL) WITHOUT ROWID",
      "CREATE INDEX files_item ON files(item)",
      "CREATE INDEX files_sha256 ON files(sha256)",
      // The recipe's per-space measures: one row per item and space.
      "CREATE TABLE measures(item INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE, space TEXT NOT NULL,"
          + " nearest INTEGER, source TEXT, distance REAL, realism REAL, rarity REAL, inside INTEGER, kind TEXT,"
          + " PRIMARY KEY(item, space)) WITHOUT ROWID",
      // Lineage: parent as the recipe names it; parent_key (its content hash, else "file:PATH") while it may still
      // turn out to be an item; parent_item once it names one. Partial indexes: archive and seed parents, most
      // edges, add nothing to them.
      "CREATE TABLE edges(child INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE, position INTEGER NOT NULL,"
          + " parent TEXT NOT NULL, parent_sha256 TEXT, parent_key TEXT, parent_item INTEGER, kind TEXT NOT NULL CHECK"
          + " (kind IN (" + EDGE_KINDS + ")), PRIMARY KEY(child, position)) WITHOUT ROWID",
      "CREATE INDEX edges_parent_item ON edges(parent_item) WHERE parent_item IS NOT NULL",
      "CREATE INDEX edges_parent_key ON edges(parent_key) WHERE parent_key IS NOT NULL",
      // The prepared archive's images (re-ingesting replaces them).
      "CREATE TABLE archive(idx INTEGER PRIMARY KEY, source TEXT, sha256 TEXT, archive_hash TEXT NOT NULL)",
      // Feature spaces by key (id@fingerprint: a changed space gets a new key) and vectors in them.
      "CREATE TABLE spaces(key TEXT PRIMARY KEY, id TEXT NOT NULL, dimension INTEGER NOT NULL,"
          + " fingerprint TEXT NOT NULL)",
      "CREATE TABLE vectors(space TEXT NOT NULL REFERENCES spaces(key) ON DELETE CASCADE, owner TEXT NOT NULL,"
          + " vector BLOB NOT NULL, UNIQUE(space, owner))",
      // (space, rowid): a space's vectors in the order they were added, as the approximate index reads them.
      "CREATE INDEX vectors_space ON vectors(space)",
      // What an artist adds (also in journal.jsonl, so a rebuild keeps it).
      "CREATE TABLE tags(item INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE, tag TEXT NOT NULL,"
          + " added_at INTEGER NOT NULL, PRIMARY KEY(item, tag)) WITHOUT ROWID",
      "CREATE INDEX tags_tag ON tags(tag)",
      "CREATE TABLE notes(id INTEGER PRIMARY KEY, item INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE,"
          + " text TEXT NOT NULL, added_at INTEGER NOT NULL)",
      "CREATE INDEX notes_item ON notes(item)"),
      List.of(
      // The studio's acts, offers and answers, one row per entry of explorations/<id>/journal.jsonl (their truth):
      // tile is the tile's id in its exploration (its item is the PNG's), data the journal's line.
      "CREATE TABLE acts(exploration TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, entry TEXT NOT NULL"
          + " CHECK (entry IN ('begin', 'act', 'offer', 'answer')), name TEXT NOT NULL, actor TEXT NOT NULL,"
          + " tile TEXT, offer TEXT, data TEXT NOT NULL, PRIMARY KEY(exploration, seq)) WITHOUT ROWID",
      "CREATE INDEX acts_name ON acts(name, at)"));

  /** The version this Margins writes. */
  static final int LATEST = STEPS.size();

  private Schema() {}

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Refuses a store of a newer version, with what to do about it. */
  static void refuseNewer(int version, Path db) {
    if (version > LATEST) {
      throw new MarginsException("the store " + db + " was written by a newer Margins (schema v" + version
          + "; this Margins knows up to v" + LATEST + "): upgrade Margins to use it. Nothing was changed. To go on"
          + " with this version instead, move that file aside and run 'margins store rebuild' (the PNGs hold"
          + " everything it is rebuilt from)");
    }
  }

  /** Applies the missing migrations, each in the caller's transaction; returns the version reached. */
  static int migrate(Connection c, Path db, String software) throws SQLException {
    int v = version(c);
    refuseNewer(v, db);
    for (; v < LATEST; v++) {
      try (Statement s = c.createStatement()) {
        for (String sql : STEPS.get(v)) {
          s.execute(sql);
        }
        // PRAGMA takes no bound parameters; v + 1 is an int this code computed, never user text.
        s.execute("PRAGMA user_version = " + (v + 1));
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO migrations VALUES (?, ?, ?)")) {
        p.setInt(1, v + 1);
        p.setLong(2, System.currentTimeMillis());
        p.setString(3, software);
        p.executeUpdate();
      }
    }
    return v;
  }
}

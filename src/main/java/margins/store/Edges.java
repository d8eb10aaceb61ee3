package margins.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Writes an item's edges, each parent resolved to an item of the store when it names one (by content first). */
final class Edges implements AutoCloseable {

  private final Path studio;
  private final PreparedStatement delete;
  private final PreparedStatement insert;
  private final PreparedStatement bySha;
  private final PreparedStatement byPath;
  private final PreparedStatement byId;
  private final PreparedStatement adopt;

  Edges(Connection c, Path studio) throws SQLException {
    this.studio = studio;
    delete = c.prepareStatement("DELETE FROM edges WHERE child = ?");
    insert = c.prepareStatement("INSERT INTO edges(child, position, parent, parent_sha256, parent_key, parent_item,"
        + " kind) VALUES (?, ?, ?, ?, ?, ?, ?)");
    bySha = c.prepareStatement("SELECT item FROM files WHERE sha256 = ? LIMIT 1");
    byPath = c.prepareStatement("SELECT item FROM files WHERE path = ?");
    byId = c.prepareStatement("SELECT n FROM items WHERE id = ?");
    adopt = c.prepareStatement("UPDATE edges SET parent_item = ?1, parent_key = NULL WHERE parent_key IN (?2, ?3, ?4)"
        + " AND parent_key IS NOT NULL AND child <> ?1");
  }

  /** The item's edges become these. */
  void replace(long child, List<Edge> edges) throws SQLException {
    delete.setLong(1, child);
    delete.executeUpdate();
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      Long parent = resolve(e);
      parent = parent != null && parent == child ? null : parent;
      insert.setLong(1, child);
      insert.setInt(2, i);
      insert.setString(3, e.parent());
      insert.setString(4, e.sha256());
      insert.setString(5, parent == null ? key(e) : null);
      insert.setObject(6, parent);
      insert.setString(7, e.kind().id());
      insert.executeUpdate();
    }
  }

  /** Edges registered before this file that name it (by its content or its path) now point at its item. */
  void adopt(long item, String id, Locations.Facts file) throws SQLException {
    adopt.setLong(1, item);
    adopt.setString(2, file.sha256());
    adopt.setString(3, "file:" + Locations.resolve(studio, file.key()));
    adopt.setString(4, "item:" + id);
    adopt.executeUpdate();
  }

  /** What an edge falls back on when the item it named is gone: the same as when it was registered. */
  static final String UNRESOLVE = "parent_item = NULL, parent_key = coalesce(parent_sha256, CASE WHEN"
      + " substr(parent, 1, 5) IN ('file:', 'item:') THEN parent END)";

  /** What an unresolved parent may still be found by: its content, else its path; null for archive images, seeds. */
  static String key(Edge e) {
    if (e.sha256() != null) {
      return e.sha256();
    }
    return e.parent().startsWith("file:") || e.parent().startsWith("item:") ? e.parent() : null;
  }

  /** The item a parent names, or null (an archive image, a seed, a checkpoint, a file not registered). */
  Long resolve(Edge e) throws SQLException {
    if (e.parent().startsWith("item:")) {
      return first(byId, e.parent().substring("item:".length()));
    }
    Long found = e.sha256() == null ? null : first(bySha, e.sha256());
    if (found == null && e.parent().startsWith("file:")) {
      found = first(byPath, Locations.key(studio, Path.of(e.parent().substring("file:".length()))));
    }
    return found;
  }

  private static Long first(PreparedStatement p, String value) throws SQLException {
    p.setString(1, value);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement p : List.of(delete, insert, bySha, byPath, byId, adopt)) {
      p.close();
    }
  }
}

package margins.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.Json;

/** What an artist adds to items (tags, notes, who decided it, edges), written to the journal first, then the store. */
public final class Acts {

  private Acts() {}

  /** Tags an item; the tag is any text, stored verbatim. */
  public static void tag(Store store, Item item, String tag) {
    if (tag.isBlank()) {
      throw new BadParameter("a tag cannot be empty");
    }
    Map<String, Object> act = ItemWriter.act("tag", item.id(), "tag", tag);
    store.journal().append(act);
    store.write(c -> apply(c, store.studio(), Json.MAPPER.valueToTree(act)));
  }

  /** Removes a tag. */
  public static void untag(Store store, Item item, String tag) {
    Map<String, Object> act = ItemWriter.act("untag", item.id(), "tag", tag);
    store.journal().append(act);
    store.write(c -> apply(c, store.studio(), Json.MAPPER.valueToTree(act)));
  }

  /** Adds a note. */
  public static void note(Store store, Item item, String text) {
    Map<String, Object> act = ItemWriter.act("note", item.id(), "text", text);
    store.journal().append(act);
    store.write(c -> apply(c, store.studio(), Json.MAPPER.valueToTree(act)));
  }

  /** An item's tags, sorted. */
  public static List<String> tags(Store store, String id) {
    return strings(store, "SELECT t.tag FROM tags t JOIN items i ON i.n = t.item WHERE i.id = ? ORDER BY t.tag", id);
  }

  /** An item's notes, oldest first. */
  public static List<String> notes(Store store, String id) {
    return strings(store, "SELECT o.text FROM notes o JOIN items i ON i.n = o.item WHERE i.id = ? ORDER BY o.added_at, o.id", id);
  }

  /** Applies every act of the journal whose item is in the store (a rebuild; a check after a crash). Idempotent. */
  static int replay(Store store) {
    List<JsonNode> acts = store.journal().acts();
    return store.write(c -> {
      int applied = 0;
      for (JsonNode a : acts) {
        applied += apply(c, store.studio(), a) ? 1 : 0;
      }
      return applied;
    });
  }

  /** Applies one act; false when its item is not in the store or it was applied before. */
  static boolean apply(Connection c, java.nio.file.Path studio, JsonNode a) throws SQLException {
    String item = a.path("item").asText();
    long at = a.path("at").asLong();
    if (!exists(c, item)) {
      return false;
    }
    switch (a.path("act").asText()) {
      case "tag" -> {
        return update(c, "INSERT OR IGNORE INTO tags(item, tag, added_at) SELECT n, ?2, ?3 FROM items WHERE id = ?1",
            item, a.path("tag").asText(), at) > 0;
      }
      case "untag" -> {
        return update(c, "DELETE FROM tags WHERE item = (SELECT n FROM items WHERE id = ?) AND tag = ?"
            + " AND added_at <= ?", item, a.path("tag").asText(), at) > 0;
      }
      case "note" -> {
        return update(c, "INSERT INTO notes(item, text, added_at) SELECT i.n, ?2, ?3 FROM items i WHERE i.id = ?1"
            + " AND NOT EXISTS (SELECT 1 FROM notes o WHERE o.item = i.n AND o.text = ?2 AND o.added_at = ?3)", item,
            a.path("text").asText(), at) > 0;
      }
      case "creator" -> {
        return update(c, "UPDATE items SET creator = ? WHERE id = ? AND creator <> ?1", a.path("creator").asText(),
            item) > 0;
      }
      case "edges" -> {
        List<Edge> edges = new ArrayList<>();
        for (JsonNode e : a.path("edges")) {
          edges.add(new Edge(e.path("parent").asText(), e.hasNonNull("sha256") ? e.path("sha256").asText() : null,
              EdgeKind.parse(e.path("kind").asText().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
        }
        try (Edges w = new Edges(c, studio)) {
          w.replace(Items.number(c, item), edges);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean exists(Connection c, String item) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM items WHERE id = ?")) {
      p.setString(1, item);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      return p.executeUpdate();
    }
  }

  private static List<String> strings(Store store, String sql, String id) {
    return store.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    });
  }
}

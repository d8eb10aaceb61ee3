package margins.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margins.BadParameter;
import margins.Hashes;
import margins.recipe.Recipe;

/** Looking items up: by id, by a prefix of it, by one of their files, by the newest with a seed; and removing one. */
public final class Items {

  private Items() {}

  /** The item with this full id. */
  public static Optional<Item> byId(Store store, String id) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + Item.COLUMNS + " FROM items i WHERE i.id = ?")) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(Item.of(rs)) : Optional.empty();
        }
      }
    });
  }

  /**
   * What a user names an item with: an id or a prefix of at least 6 hex digits, "seed:N" or a bare number (the
   * newest item with that seed), or a PNG (the item of its recipe). A bad reference lists those forms.
   */
  public static Item resolve(Store store, String ref) {
    if (ref.startsWith("item:")) {
      ref = ref.substring("item:".length());
    }
    if (ref.matches("(seed:)?-?\\d+") && !ref.matches("[0-9a-f]{6,64}")) {
      return newestWithSeed(store, Long.parseLong(ref.replace("seed:", "")));
    }
    Path file = Path.of(ref);
    if (Files.isRegularFile(file)) {
      Optional<Recipe> recipe = Recipe.of(file);
      String id = recipe.map(r -> Hashes.sha256(r.json())).orElseThrow(() ->
          new BadParameter(file + " carries no Margins recipe: it is not an item (use image:" + file + ")"));
      return byId(store, id).orElseThrow(() -> new BadParameter(file + " is not in the store yet: run 'margins store"
          + " check' to register the studio's PNGs, or 'margins store add " + file + "'"));
    }
    if (ref.matches("[0-9a-f]{6,64}")) {
      String prefix = ref;
      List<Item> found = store.read(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT " + Item.COLUMNS
            + " FROM items i WHERE i.id >= ? AND i.id < ? ORDER BY i.id LIMIT 2")) {
          p.setString(1, prefix);
          p.setString(2, prefix + "g");
          return list(p);
        }
      });
      if (found.size() == 1) {
        return found.get(0);
      }
      throw new BadParameter(found.isEmpty() ? "no item's id starts with " + prefix
          : "more than one item's id starts with " + prefix + ": give more digits");
    }
    throw new BadParameter("'" + ref + "' names no item: give an id (6 or more hex digits), seed:N, or a PNG");
  }

  static Item newestWithSeed(Store store, long seed) {
    List<Item> found = store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + Item.COLUMNS
          + " FROM items i WHERE i.seed = ? ORDER BY i.created_at DESC, i.id LIMIT 1")) {
        p.setLong(1, seed);
        return list(p);
      }
    });
    if (found.isEmpty()) {
      throw new BadParameter("no item in the store has seed " + seed + " (make one: margins sample --seeds " + seed
          + ")");
    }
    return found.get(0);
  }

  static List<Item> list(PreparedStatement p) throws SQLException {
    List<Item> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(Item.of(rs));
      }
    }
    return out;
  }

  /** The item's recipe JSON. */
  public static String recipe(Store store, String id) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT recipe FROM items WHERE id = ?")) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  /** How many items the store holds. */
  public static long count(Store store) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM items"); ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  /** The item's number (what other tables refer to it by), or -1 when it is not in the store. */
  static long number(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT n FROM items WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /** Removes an item none of whose files remains: its rows go, edges naming it as parent keep the name only. */
  static void deleteIfUnfiled(Connection c, long n) throws SQLException {
    try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM files WHERE item = ? LIMIT 1")) {
      any.setLong(1, n);
      try (ResultSet rs = any.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (PreparedStatement unlink = c.prepareStatement("UPDATE edges SET " + Edges.UNRESOLVE
        + " WHERE parent_item = ?");
        PreparedStatement vectors = c.prepareStatement("DELETE FROM vectors WHERE owner = (SELECT id FROM items"
            + " WHERE n = ?)");
        PreparedStatement item = c.prepareStatement("DELETE FROM items WHERE n = ?")) {
      for (PreparedStatement p : List.of(unlink, vectors, item)) {
        p.setLong(1, n);
        p.executeUpdate();
      }
    }
  }
}

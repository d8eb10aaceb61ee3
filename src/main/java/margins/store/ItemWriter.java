package margins.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.Hashes;
import margins.recipe.Recipe;

/** Inserts registrations: the item, its file, its measures per space, its edges, its model; all bound parameters. */
final class ItemWriter {

  /** A registration with everything read from disk before the transaction starts. */
  record Prepared(String id, String json, Recipe recipe, Creator creator, List<Edge> edges, Locations.Facts file,
      List<Map<String, Object>> journal) {}

  private ItemWriter() {}

  static Prepared prepare(Path studio, Registration r) {
    return prepare(studio, r, r.recipe().json());
  }

  /** The same with the recipe's text as it lies in the PNG (a rebuild's): its hash is the item's id. */
  static Prepared prepare(Path studio, Registration r, String json) {
    String id = Hashes.sha256(json);
    List<Map<String, Object>> acts = new ArrayList<>();
    List<Edge> edges = r.edges().isEmpty() ? Lineages.of(r.recipe()) : r.edges();
    if (!r.edges().isEmpty() && !r.edges().equals(Lineages.of(r.recipe()))) {
      acts.add(act("edges", id, "edges", r.edges()));
    }
    if (r.creator() != Lineages.creator(r.recipe())) {
      acts.add(act("creator", id, "creator", r.creator().id()));
    }
    return new Prepared(id, json, r.recipe(), r.creator(), edges, Locations.facts(studio, r.png()), acts);
  }

  static Map<String, Object> act(String act, String item, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("act", act);
    m.put("item", item);
    m.put(key, value);
    m.put("at", System.currentTimeMillis());
    return m;
  }

  static List<String> insert(Connection c, Path studio, List<Prepared> batch) throws SQLException {
    List<String> ids = new ArrayList<>(batch.size());
    long now = System.currentTimeMillis();
    try (PreparedStatement item = c.prepareStatement("INSERT INTO items(id, recipe, software, model, checkpoint,"
            + " checkpoint_sha256, sampler, regime, seed, psi, resolution, device, kind, creator, created_at,"
            + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(id) DO UPDATE SET creator = excluded.creator RETURNING n");
        PreparedStatement previous = c.prepareStatement("SELECT item FROM files WHERE path = ?");
        PreparedStatement file = c.prepareStatement("INSERT INTO files(path, item, sha256, bytes, modified_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET item = excluded.item,"
            + " sha256 = excluded.sha256, bytes = excluded.bytes, modified_at = excluded.modified_at");
        PreparedStatement measure = c.prepareStatement("INSERT OR REPLACE INTO measures(item, space, nearest,"
            + " source, distance, realism, rarity, inside, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement checkpoint = c.prepareStatement(
            "INSERT OR IGNORE INTO checkpoints(sha256, run, path, step) VALUES (?, ?, ?, ?)");
        PreparedStatement run = c.prepareStatement("INSERT OR IGNORE INTO runs(name) VALUES (?)");
        Edges edges = new Edges(c, studio)) {
      java.util.Set<String> models = new java.util.HashSet<>();
      for (Prepared p : batch) {
        Recipe r = p.recipe();
        previous.setString(1, p.file().key());
        Long before = null;
        try (ResultSet rs = previous.executeQuery()) {
          before = rs.next() ? rs.getLong(1) : null;
        }
        int i = 0;
        item.setString(++i, p.id());
        item.setString(++i, p.json());
        item.setString(++i, r.software());
        item.setString(++i, r.model());
        item.setString(++i, r.checkpoint());
        item.setString(++i, r.checkpointSha256());
        item.setString(++i, r.sampler());
        item.setString(++i, r.regime());
        item.setLong(++i, r.seed());
        setDouble(item, ++i, r.psi());
        item.setInt(++i, r.resolution());
        item.setString(++i, r.device());
        item.setString(++i, kind(r.measures()));
        item.setString(++i, p.creator().id());
        item.setLong(++i, p.file().modified());
        item.setLong(++i, now);
        long n;
        try (ResultSet rs = item.executeQuery()) {
          rs.next();
          n = rs.getLong(1);
        }
        file.setString(1, p.file().key());
        file.setLong(2, n);
        file.setString(3, p.file().sha256());
        file.setLong(4, p.file().bytes());
        file.setLong(5, p.file().modified());
        file.executeUpdate();
        if (before != null && before != n) {
          Items.deleteIfUnfiled(c, before);
        }
        measures(measure, n, r.measures());
        if (r.checkpointSha256() != null && r.model() != null && models.add(r.checkpointSha256())) {
          checkpoint.setString(1, r.checkpointSha256());
          checkpoint.setString(2, r.model());
          checkpoint.setString(3, r.checkpoint() == null ? "" : r.checkpoint());
          Integer step = step(r.checkpoint());
          if (step == null) {
            checkpoint.setNull(4, Types.INTEGER);
          } else {
            checkpoint.setInt(4, step);
          }
          checkpoint.executeUpdate();
          run.setString(1, r.model());
          run.executeUpdate();
        }
        edges.replace(n, p.edges());
        edges.adopt(n, p.id(), p.file());
        ids.add(p.id());
      }
    }
    return ids;
  }

  private static void measures(PreparedStatement m, long item, Map<String, Object> measures) throws SQLException {
    for (var e : measures.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> space)) {
        continue;
      }
      m.setLong(1, item);
      m.setString(2, e.getKey());
      m.setObject(3, space.get("nearest") instanceof Number n ? n.longValue() : null);
      m.setObject(4, space.get("source") == null ? null : space.get("source").toString());
      setDouble(m, 5, number(space.get("distance")));
      setDouble(m, 6, number(space.get("realism")));
      setDouble(m, 7, number(space.get("rarity")));
      m.setObject(8, space.get("inside") instanceof Boolean b ? (b ? 1 : 0) : null);
      m.setObject(9, space.get("kind") == null ? null : space.get("kind").toString());
      m.executeUpdate();
    }
  }

  static String kind(Map<String, Object> measures) {
    Object k = measures.get("kind");
    return k == null ? null : k.toString();
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.REAL);
    } else {
      p.setDouble(i, v);
    }
  }

  /** The step in a checkpoint's file name (runs/00000-vae32/checkpoints/step-006000.ckpt), or null. */
  static Integer step(String checkpoint) {
    if (checkpoint == null) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("step-(\\d+)").matcher(checkpoint);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}

package margins.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import margins.Hashes;
import margins.Progress;

/**
 * Drift between the store and the studio's PNGs: files gone, files changed since they were registered, PNGs with a
 * recipe not registered, items left without a file, parents naming items that are gone, studio acts journaled but
 * not stored, and SQLite's own check.
 * With repair, the store is made to agree with the PNGs (the PNGs are the truth).
 */
public final class Check {

  /**
   * What a check found (and repaired, when asked).
   *
   * @param integrity SQLite's quick_check: "ok", or what it found
   * @param files files the store lists
   * @param gone listed files no longer on disk
   * @param changed listed files whose bytes changed
   * @param unregistered PNGs with a recipe the store does not list
   * @param orphans items with no file left
   * @param dangling edges whose parent item is gone
   * @param unrecordedActs studio acts in the explorations' journals (their truth) the store lacks
   * @param repaired whether the store was repaired
   */
  public record Report(String integrity, int files, List<String> gone, List<String> changed,
      List<String> unregistered, int orphans, int dangling, int unrecordedActs, boolean repaired) {

    /** Whether the store and the PNGs agree. */
    public boolean consistent() {
      return integrity.equals("ok") && gone.isEmpty() && changed.isEmpty() && unregistered.isEmpty() && orphans == 0
          && dangling == 0 && unrecordedActs == 0;
    }
  }

  private record Listed(long bytes, long modified, String sha256) {}

  private Check() {}

  public static Report run(Store store, boolean repair, Progress.Target progress) {
    Path studio = store.studio();
    String integrity = store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
        List<String> lines = new ArrayList<>();
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
        return String.join("; ", lines);
      }
    });
    Map<String, Listed> listed = store.read(c -> {
      Map<String, Listed> m = new HashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT path, bytes, modified_at, sha256 FROM files");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          m.put(rs.getString(1), new Listed(rs.getLong(2), rs.getLong(3), rs.getString(4)));
        }
      }
      return m;
    });
    List<String> gone = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (var e : listed.entrySet()) {
      Path f = Locations.resolve(studio, e.getKey());
      if (!Files.isRegularFile(f)) {
        gone.add(e.getKey());
      } else if (!Locations.unchanged(f, e.getValue().bytes(), e.getValue().modified())
          && !Hashes.sha256(f).equals(e.getValue().sha256())) {
        changed.add(e.getKey());
      }
    }
    List<Path> unregisteredFiles = new ArrayList<>();
    for (Path png : StudioPngs.under(studio)) {
      if (!listed.containsKey(Locations.key(studio, png)) && RecipeChunks.text(png).isPresent()) {
        unregisteredFiles.add(png);
      }
    }
    int orphans = count(store, "SELECT count(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM files f"
        + " WHERE f.item = i.n)");
    int dangling = count(store, "SELECT count(*) FROM edges e WHERE e.parent_item IS NOT NULL AND NOT EXISTS"
        + " (SELECT 1 FROM items i WHERE i.n = e.parent_item)");
    List<String> unregistered = unregisteredFiles.stream().map(p -> Locations.key(studio, p)).sorted().toList();
    gone.sort(null);
    changed.sort(null);
    int unrecordedActs = StudioActs.missing(store).size();
    boolean drift = !gone.isEmpty() || !changed.isEmpty() || !unregistered.isEmpty() || orphans > 0 || dangling > 0
        || unrecordedActs > 0;
    if (repair && drift) {
      repair(store, gone, changed, unregisteredFiles, progress);
    }
    return new Report(integrity, listed.size(), gone, changed, unregistered, orphans, dangling, unrecordedActs,
        repair && drift);
  }

  private static void repair(Store store, List<String> gone, List<String> changed, List<Path> unregistered,
      Progress.Target progress) {
    Path studio = store.studio();
    store.write(c -> {
      try (PreparedStatement owner = c.prepareStatement("SELECT item FROM files WHERE path = ?");
          PreparedStatement delete = c.prepareStatement("DELETE FROM files WHERE path = ?")) {
        for (String key : gone) {
          owner.setString(1, key);
          Long item;
          try (ResultSet rs = owner.executeQuery()) {
            item = rs.next() ? rs.getLong(1) : null;
          }
          delete.setString(1, key);
          delete.executeUpdate();
          if (item != null) {
            Items.deleteIfUnfiled(c, item);
          }
        }
      }
      List<Long> orphans = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT n FROM items i WHERE NOT EXISTS"
          + " (SELECT 1 FROM files f WHERE f.item = i.n)"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          orphans.add(rs.getLong(1));
        }
      }
      for (long id : orphans) {
        Items.deleteIfUnfiled(c, id);
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE edges SET " + Edges.UNRESOLVE + " WHERE parent_item IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM items i WHERE i.n = edges.parent_item)");
      }
      return null;
    });
    List<Path> again = new ArrayList<>(unregistered);
    for (String key : changed) {
      again.add(Locations.resolve(studio, key));
    }
    Rebuild.register(store, again, progress.start("registering", again.size(), 2000));
    for (String key : changed) {
      // A changed file that no longer carries a recipe is no longer an item.
      if (Rebuild.prepare(studio, Locations.resolve(studio, key)).isEmpty()) {
        store.write(c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM files WHERE path = ? RETURNING item")) {
            p.setString(1, key);
            Optional<Long> item = Optional.empty();
            try (ResultSet rs = p.executeQuery()) {
              item = rs.next() ? Optional.of(rs.getLong(1)) : item;
            }
            if (item.isPresent()) {
              Items.deleteIfUnfiled(c, item.get());
            }
          }
          return null;
        });
      }
    }
    Acts.replay(store);
    StudioActs.replay(store);
  }

  private static int count(Store store, String sql) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    });
  }
}

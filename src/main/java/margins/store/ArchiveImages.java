package margins.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margins.Progress;
import margins.archive.ManifestEntry;
import margins.archive.PreparedArchive;

/** The prepared archive's images in the store (index, source, hash) and their vectors, replaced when it is re-ingested. */
public final class ArchiveImages {

  private static final int BLOCK = 256;

  private ArchiveImages() {}

  /** The studio's prepared archive, if it has one. */
  public static Optional<PreparedArchive> of(Store store) {
    try {
      return Optional.of(PreparedArchive.open(store.studio()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Lists the archive's images in the store; a different archive (re-ingested) replaces them and their vectors. */
  public static void sync(Store store, PreparedArchive archive) {
    store.write(c -> {
      String stored = null;
      try (PreparedStatement p = c.prepareStatement("SELECT archive_hash FROM archive LIMIT 1");
          ResultSet rs = p.executeQuery()) {
        stored = rs.next() ? rs.getString(1) : null;
      }
      if (archive.hash().equals(stored)) {
        return null;
      }
      try (PreparedStatement a = c.prepareStatement("DELETE FROM archive");
          PreparedStatement v = c.prepareStatement("DELETE FROM vectors WHERE owner LIKE 'archive:%'")) {
        a.executeUpdate();
        v.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO archive(idx, source, sha256, archive_hash) VALUES (?, ?, ?, ?)")) {
        for (ManifestEntry e : archive.manifest()) {
          p.setInt(1, e.index());
          p.setString(2, e.source());
          p.setString(3, e.sha256());
          p.setString(4, archive.hash());
          p.addBatch();
        }
        p.executeBatch();
      }
      return null;
    });
  }

  /** Makes the archive's missing vectors in this space; returns how many. */
  public static int fill(Store store, PreparedArchive archive, Vectors.Space space, Progress.Target progress) {
    if (space.size() != 0 && space.size() != archive.size()) {
      return 0;
    }
    sync(store, archive);
    Vectors.register(store, space);
    List<Integer> missing = store.read(c -> {
      List<Integer> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT a.idx FROM archive a WHERE NOT EXISTS (SELECT 1 FROM"
          + " vectors v WHERE v.space = ? AND v.owner = 'archive:' || a.idx) ORDER BY a.idx")) {
        p.setString(1, space.key());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getInt(1));
          }
        }
      }
      return out;
    });
    int size = archive.size();
    Progress bar = progress.start("embedding the archive (" + space.id() + ")", missing.size(), 2000);
    for (int from = 0; from < missing.size(); from += BLOCK) {
      List<Integer> block = missing.subList(from, Math.min(missing.size(), from + BLOCK));
      List<float[]> images = new ArrayList<>();
      List<String> owners = new ArrayList<>();
      for (int index : block) {
        float[] x = new float[3 * size * size];
        archive.copyChw(index, x, 0);
        images.add(x);
        owners.add("archive:" + index);
      }
      Vectors.put(store, space, owners, List.of(space.space().embed(images, size)));
      bar.update(from + block.size(), "");
    }
    bar.end();
    return missing.size();
  }

  /** An archive image's source path, as ingest recorded it. */
  public static String source(Store store, int index) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT source FROM archive WHERE idx = ?")) {
        p.setInt(1, index);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }
}

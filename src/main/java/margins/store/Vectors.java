package margins.store;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import margins.Hashes;
import margins.Progress;
import margins.image.Images;
import margins.image.Png;
import margins.measure.FeatureSpace;
import margins.measure.FeatureSpaces;
import margins.model.EncoderSpace;
import margins.model.Model;

/**
 * Vectors of items and archive images in each feature space, kept in the store as BLOBs and made for what lacks one
 * when a query needs them. A space's key is its id and a fingerprint of what it computes (a changed space, or another
 * checkpoint's encoder, gets a new key, and vectors are made again); every space of {@link FeatureSpaces} counts.
 */
public final class Vectors {

  /** Images embedded per transaction. */
  private static final int BLOCK = 256;

  /** The side a space's fingerprint is computed at. */
  private static final int PROBE = 32;

  /**
   * A space as the store keys it.
   *
   * @param key id@fingerprint
   * @param space what embeds images
   * @param size the image side it requires (the encoder's resolution), or 0 for any
   */
  public record Space(String key, FeatureSpace space, int size) {

    public String id() {
      return space.id();
    }
  }

  /**
   * Vectors of one space, loaded.
   *
   * @param owners item ids, or archive:N
   * @param vectors one per owner
   */
  public record Matrix(List<String> owners, float[][] vectors) {

    public int size() {
      return owners.size();
    }
  }

  private Vectors() {}

  /** Every space of the feature-space table, in id order. */
  public static List<Space> featureSpaces() {
    List<Space> out = new ArrayList<>();
    for (String id : FeatureSpaces.ids()) {
      FeatureSpace s = FeatureSpaces.byId(id);
      out.add(new Space(id + "@" + fingerprint(s), s, 0));
    }
    return out;
  }

  /** A model's encoder, keyed by its checkpoint. */
  public static Space encoder(Model model) {
    return new Space(EncoderSpace.ID + "@" + Hashes.brief(model.sha256()).substring(0, 8),
        new EncoderSpace(model.vae()), model.vae().config().resolution());
  }

  /** Eight hex digits of the space's vector for a fixed image: a changed definition changes it. */
  static String fingerprint(FeatureSpace s) {
    float[] probe = new float[3 * PROBE * PROBE];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = (float) (0.5 + 0.5 * Math.sin(i * 0.37) * Math.cos(i * 0.011));
    }
    float[] v = s.embed(List.of(probe), PROBE)[0];
    StringBuilder sb = new StringBuilder(s.id()).append(v.length);
    for (float f : v) {
      sb.append(',').append(Float.floatToIntBits(f));
    }
    return Hashes.tag(sb.toString());
  }

  /** Makes the vectors the store's items lack in this space; returns how many were made. */
  public static int fillItems(Store store, Space space, Progress.Target progress) {
    register(store, space);
    List<String[]> missing = store.read(c -> {
      List<String[]> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT i.id, (SELECT f.path FROM files f WHERE f.item = i.n"
          + " ORDER BY f.path LIMIT 1) FROM items i WHERE (? = 0 OR i.resolution = ?) AND NOT EXISTS"
          + " (SELECT 1 FROM vectors v WHERE v.space = ? AND v.owner = i.id) ORDER BY i.id")) {
        p.setInt(1, space.size());
        p.setInt(2, space.size());
        p.setString(3, space.key());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      return out;
    });
    Progress bar = progress.start("embedding items (" + space.id() + ")", missing.size(), 2000);
    int made = 0;
    for (int from = 0; from < missing.size(); from += BLOCK) {
      List<String> owners = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (String[] row : missing.subList(from, Math.min(missing.size(), from + BLOCK))) {
        Path png = row[1] == null ? null : Locations.resolve(store.studio(), row[1]);
        if (png == null || !java.nio.file.Files.isRegularFile(png)) {
          continue; // Gone since it was registered: 'store check' will say so.
        }
        BufferedImage img = Png.read(png);
        float[] chw = new float[3 * img.getWidth() * img.getHeight()];
        Images.toChw(img, chw, 0);
        owners.add(row[0]);
        vectors.add(space.space().embed(List.of(chw), img.getWidth())[0]);
      }
      put(store, space, owners, vectors);
      made += owners.size();
      bar.update(Math.min(missing.size(), from + BLOCK), "");
    }
    bar.end();
    return made;
  }

  /** Stores vectors (replacing any the owners had in this space). */
  static void put(Store store, Space space, List<String> owners, List<float[]> vectors) {
    put(store, space.key(), owners, vectors);
  }

  private static void put(Store store, String key, List<String> owners, List<float[]> vectors) {
    if (owners.isEmpty()) {
      return;
    }
    store.write(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT OR REPLACE INTO vectors(space, owner, vector) VALUES (?, ?, ?)")) {
        for (int i = 0; i < owners.size(); i++) {
          p.setString(1, key);
          p.setString(2, owners.get(i));
          p.setBytes(3, Blobs.of(vectors.get(i)));
          p.addBatch();
        }
        p.executeBatch();
      }
      return null;
    });
  }

  /** Stores vectors under a space key of the caller's (a benchmark's), recording the space first. */
  public static void store(Store store, String key, String id, int dimension, List<String> owners,
      List<float[]> vectors) {
    store.write(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO spaces(key, id, dimension, fingerprint)"
          + " VALUES (?, ?, ?, ?)")) {
        p.setString(1, key);
        p.setString(2, id);
        p.setInt(3, dimension);
        p.setString(4, key);
        p.executeUpdate();
      }
      return null;
    });
    put(store, key, owners, vectors);
  }

  /** Records the space (and drops vectors of older versions of the same space, but not other encoders). */
  static void register(Store store, Space space) {
    store.write(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO spaces(key, id, dimension, fingerprint)"
          + " VALUES (?, ?, ?, ?)")) {
        p.setString(1, space.key());
        p.setString(2, space.id());
        p.setInt(3, space.space().dimension(space.size() == 0 ? PROBE : space.size()));
        p.setString(4, space.key().substring(space.key().indexOf('@') + 1));
        p.executeUpdate();
      }
      if (space.size() == 0) {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM spaces WHERE id = ? AND key <> ?")) {
          p.setString(1, space.id());
          p.setString(2, space.key());
          p.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The vectors of one space: the items' or the archive's ("archive:N"), in the order they were stored. */
  public static Matrix load(Store store, String spaceKey, boolean archive) {
    return store.read(c -> {
      List<String> owners = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT owner, vector FROM vectors WHERE space = ? AND"
          + (archive ? "" : " NOT") + " owner LIKE 'archive:%' ORDER BY rowid")) {
        p.setString(1, spaceKey);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            owners.add(rs.getString(1));
            vectors.add(Blobs.floats(rs.getBytes(2)));
          }
        }
      }
      return new Matrix(owners, vectors.toArray(float[][]::new));
    });
  }

  /** How many vectors a space holds. */
  public static long count(Store store, String spaceKey) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM vectors WHERE space = ?")) {
        p.setString(1, spaceKey);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }
}

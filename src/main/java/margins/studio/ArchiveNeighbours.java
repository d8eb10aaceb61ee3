package margins.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.archive.PreparedArchive;
import margins.math.VectorMath;
import margins.measure.PixelStructure;
import margins.store.Nearest;
import margins.store.Store;
import margins.store.Vectors;

/**
 * The archive images nearest a tile in the pixel-structure space: from the store's archive vectors (every archive
 * image, exact search) when the store holds them for this archive at the measured size, else from the images the
 * measurer was fitted on. The store's vectors are looked for again on each call until found (`margins similar`
 * makes them while the studio runs), then kept.
 */
final class ArchiveNeighbours {

  /** Where the neighbours came from. */
  static final String STORE = "store";

  static final String MEASURER = "measurer";

  private final Studio studio;
  private volatile Vectors.Matrix stored;
  private String key;
  private int images;

  ArchiveNeighbours(Studio studio) {
    this.studio = studio;
  }

  /** The k nearest archive images (index, source file, distance), nearest first, and where they came from. */
  Map<String, Object> of(float[] f, int k) {
    Vectors.Matrix m = stored();
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> list = new ArrayList<>();
    if (m != null) {
      for (Nearest.Hit h : Nearest.exact(m, f, k)) {
        list.add(entry(Integer.parseInt(h.owner().substring("archive:".length())), h.distance()));
      }
    } else {
      float[][] a = studio.archiveFeatures();
      int[] train = studio.measurer().trainIndices();
      for (int row : Nearest.exactRows(a, f, k)) {
        list.add(entry(train[row], Math.sqrt(VectorMath.squaredDistance(f, a[row]))));
      }
    }
    out.put("from", m != null ? STORE : MEASURER);
    out.put("nearest", list);
    return out;
  }

  private Map<String, Object> entry(int index, double distance) {
    String source = index < studio.manifest().size() ? studio.manifest().get(index).source() : "";
    return Map.of("index", index, "source", source, "distance", Math.round(distance * 1000) / 1000.0);
  }

  /** The store's archive vectors in the pixel-structure space, or null while it has not every image's. */
  private Vectors.Matrix stored() {
    Vectors.Matrix m = stored;
    Store store = studio.store();
    if (m != null || store == null) {
      return m;
    }
    try {
      synchronized (this) {
        if (key == null) {
          PreparedArchive archive = PreparedArchive.open(studio.options().studio());
          images = archive.size() == studio.measurer().size() ? archive.count() : 0;
          key = Vectors.featureSpaces().stream().filter(s -> s.id().equals(PixelStructure.ID)).findFirst()
              .orElseThrow().key();
        }
      }
      if (images == 0 || Vectors.count(store, key) < images) {
        return null;
      }
      Vectors.Matrix found = Vectors.load(store, key, true);
      if (found.size() == images) {
        stored = found;
        return found;
      }
    } catch (RuntimeException e) {
      // The measurer's images answer instead: the store is a help here, never a need.
    }
    return null;
  }
}

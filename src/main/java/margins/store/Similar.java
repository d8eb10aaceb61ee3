package margins.store;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margins.BadParameter;
import margins.Hashes;
import margins.Progress;
import margins.archive.ImageFiles;
import margins.archive.PreparedArchive;
import margins.image.ContactSheet;
import margins.image.Images;
import margins.image.Png;

/**
 * What resembles an image: its nearest items and archive images in every space, with a contact sheet (a row per
 * space and set: the query first, then its neighbours, nearest first). Exact up to {@link Nearest#EXACT_LIMIT}
 * vectors, the HNSW index beyond.
 */
public final class Similar {

  /**
   * What to look for.
   *
   * @param label how the user named it
   * @param image its pixels
   * @param item its item id when it is one (left out of its own neighbours), else null
   * @param archiveIndex its archive index when it is an archive image, else -1
   */
  public record Query(String label, BufferedImage image, String item, int archiveIndex) {}

  /**
   * One neighbour.
   *
   * @param owner item id or archive:N
   * @param distance in the space
   * @param label the item's path and kind, or the archive image's source
   * @param image its pixels
   */
  public record Neighbour(String owner, double distance, String label, BufferedImage image) {}

  /** The neighbours in one space; approximate when the HNSW index answered. */
  public record InSpace(String space, List<Neighbour> items, List<Neighbour> archive, boolean approximate) {}

  /** Every space's neighbours and the sheet. */
  public record Result(Query query, List<InSpace> spaces, Path sheet) {}

  private Similar() {}

  /** Names a query: a PNG (an item when it carries a recipe), archive:N, image:FILE, seed:N or N, or an item id. */
  public static Query query(Store store, String ref) {
    Optional<PreparedArchive> archive = ArchiveImages.of(store);
    if (ref.startsWith("archive:")) {
      PreparedArchive a = archive.orElseThrow(() -> new BadParameter("this studio has no prepared archive"));
      int i = archiveIndex(ref, a.count());
      return new Query(ref, archiveImage(a, i), null, i);
    }
    if (ref.startsWith("image:")) {
      Path file = Path.of(ref.substring("image:".length()));
      int size = archive.map(PreparedArchive::size).orElse(32);
      ImageFiles.Square sq = ImageFiles.square(file, size);
      return new Query(ref, rgb(sq.rgb(), size), null, -1);
    }
    Path file = Path.of(ref);
    if (Files.isRegularFile(file) && RecipeChunks.text(file).isEmpty()) {
      return new Query(ref, Png.read(file), null, -1);
    }
    if (Files.isRegularFile(file)) {
      return new Query(ref, Png.read(file), Hashes.sha256(RecipeChunks.text(file).get()), -1);
    }
    Item item = Items.resolve(store, ref);
    return new Query(ref + " (" + item.path() + ")", Png.read(Locations.resolve(store.studio(), item.path())),
        item.id(), -1);
  }

  public static Result run(Store store, Query q, int k, List<Vectors.Space> spaces, Path sheet,
      Progress.Target progress) {
    if (k < 1 || k > 256) {
      throw new BadParameter("--k must be in 1..256, not " + k);
    }
    Optional<PreparedArchive> archive = ArchiveImages.of(store);
    List<InSpace> out = new ArrayList<>();
    List<BufferedImage> tiles = new ArrayList<>();
    for (Vectors.Space s : spaces) {
      int size = s.size() == 0 ? q.image().getWidth() : s.size();
      if (q.image().getWidth() != size) {
        continue; // The encoder takes only its own resolution.
      }
      Vectors.fillItems(store, s, progress);
      archive.ifPresent(a -> ArchiveImages.fill(store, a, s, progress));
      float[] chw = new float[3 * size * size];
      Images.toChw(q.image(), chw, 0);
      float[] v = s.space().embed(List.of(chw), size)[0];
      boolean approximate = Vectors.count(store, s.key()) > Nearest.EXACT_LIMIT;
      List<Neighbour> items = neighbours(store, archive, s, v, k, false, q, progress);
      List<Neighbour> near = neighbours(store, archive, s, v, k, true, q, progress);
      out.add(new InSpace(s.id(), items, near, approximate));
      for (List<Neighbour> row : List.of(items, near)) {
        tiles.add(q.image());
        for (int i = 0; i < k; i++) {
          tiles.add(i < row.size() ? row.get(i).image() : blank(q.image().getWidth()));
        }
      }
    }
    if (out.isEmpty()) {
      throw new BadParameter("no space can compare " + q.label() + " (" + q.image().getWidth() + "px)");
    }
    Png.write(sheet, ContactSheet.of(tiles, k + 1, 64));
    return new Result(q, out, sheet);
  }

  private static List<Neighbour> neighbours(Store store, Optional<PreparedArchive> archive, Vectors.Space s,
      float[] v, int k, boolean ofArchive, Query q, Progress.Target progress) {
    List<Nearest.Hit> hits;
    long n = ofArchive ? -1 : Vectors.count(store, s.key());
    if (n > Nearest.EXACT_LIMIT) {
      try (HnswIndex index = HnswIndex.open(store, s.key(), progress)) {
        hits = index.search(v, k + 1, false);
      }
    } else {
      hits = Nearest.exact(Vectors.load(store, s.key(), ofArchive), v, k + 1);
    }
    List<Neighbour> out = new ArrayList<>();
    for (Nearest.Hit h : hits) {
      if (out.size() == k || h.owner().equals(q.item()) || h.owner().equals("archive:" + q.archiveIndex())) {
        continue;
      }
      if (h.owner().startsWith("archive:")) {
        int i = Integer.parseInt(h.owner().substring("archive:".length()));
        String source = ArchiveImages.source(store, i);
        out.add(new Neighbour(h.owner(), h.distance(), source == null ? "" : source,
            archive.map(a -> archiveImage(a, i)).orElse(blank(32))));
      } else {
        Item item = Items.byId(store, h.owner()).orElse(null);
        if (item == null || item.path() == null) {
          continue;
        }
        Path png = Locations.resolve(store.studio(), item.path());
        out.add(new Neighbour(h.owner(), h.distance(), item.path() + "  " + (item.kind() == null ? "" : item.kind()),
            Files.isRegularFile(png) ? Png.read(png) : blank(32)));
      }
    }
    return out;
  }

  static int archiveIndex(String ref, int count) {
    try {
      int i = Integer.parseInt(ref.substring("archive:".length()));
      if (i >= 0 && i < count) {
        return i;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below.
    }
    throw new BadParameter("'" + ref + "' is not an archive image: the archive holds archive:0 to archive:"
        + (count - 1));
  }

  static BufferedImage archiveImage(PreparedArchive a, int i) {
    float[] x = new float[3 * a.size() * a.size()];
    a.copyChw(i, x, 0);
    return Images.fromChw(x, 0, a.size(), a.size());
  }

  private static BufferedImage rgb(byte[] rgb, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int p = 0; p < size * size; p++) {
      img.setRGB(p % size, p / size, (rgb[3 * p] & 0xff) << 16 | (rgb[3 * p + 1] & 0xff) << 8 | rgb[3 * p + 2] & 0xff);
    }
    return img;
  }

  static BufferedImage blank(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new java.awt.Color(0x2b2b2b));
    g.fillRect(0, 0, size, size);
    g.dispose();
    return img;
  }
}

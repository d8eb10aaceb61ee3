package margins.store;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margins.Files2;
import margins.Progress;
import margins.archive.PreparedArchive;
import margins.image.Png;

/**
 * A map of the archive and the outputs in one space, in two dimensions (PCA and UMAP): a PNG per layout with
 * thumbnails coloured by kind and the cells where the archive lies but nothing has been made yet outlined, and an
 * interactive HTML page (both layouts, kinds to show or hide, each point's image and path on hover).
 */
public final class Atlas {

  /** Side of a thumbnail in the page's sprite sheet. */
  static final int SPRITE = 32;

  /**
   * One point on the map.
   *
   * @param owner item id or archive:N
   * @param kind the item's kind, or "archive"
   * @param label its path (item) or source (archive)
   * @param image its pixels
   * @param pca its place in the PCA layout, [0, 1]^2
   * @param umap its place in the UMAP layout
   */
  public record Point(String owner, String kind, String label, BufferedImage image, float[] pca, float[] umap) {}

  /**
   * What an atlas wrote.
   *
   * @param pngs the map per layout (atlas-pca.png, atlas-umap.png)
   * @param html the page, with its sprite sheet beside it
   * @param archive archive images on it
   * @param items items on it
   * @param unexplored grid cells where the archive lies and nothing has been made
   */
  public record Result(List<Path> pngs, Path html, int archive, int items, int unexplored) {}

  private Atlas() {}

  /** At most `maxItems` items (evenly by id) with the whole archive, in this space; UMAP unless `pcaOnly`. */
  public static Result run(Store store, Vectors.Space space, int maxItems, long seed, boolean pcaOnly, Path out,
      Progress.Target progress) {
    Optional<PreparedArchive> archive = ArchiveImages.of(store);
    Vectors.fillItems(store, space, progress);
    archive.ifPresent(a -> ArchiveImages.fill(store, a, space, progress));
    Vectors.Matrix arch = Vectors.load(store, space.key(), true);
    Vectors.Matrix items = thin(Vectors.load(store, space.key(), false), maxItems);
    int n = arch.size() + items.size();
    if (n < 3) {
      throw new margins.MarginsException("an atlas needs at least 3 images in the " + space.id()
          + " space; the store holds " + n + " (make some: margins sample)");
    }
    float[][] all = new float[n][];
    System.arraycopy(arch.vectors(), 0, all, 0, arch.size());
    System.arraycopy(items.vectors(), 0, all, arch.size(), items.size());
    float[][] pca = AtlasLayout.pca(all, seed);
    float[][] umap = pcaOnly ? pca : AtlasLayout.umap(all, seed);
    List<Point> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean isArchive = i < arch.size();
      String owner = isArchive ? arch.owners().get(i) : items.owners().get(i - arch.size());
      points.add(point(store, archive, owner, isArchive, pca[i], umap[i]));
    }
    List<Path> pngs = new ArrayList<>();
    int unexplored = 0;
    for (String layout : pcaOnly ? List.of("pca") : List.of("pca", "umap")) {
      AtlasPicture.Drawn d = AtlasPicture.draw(points, layout, space.id());
      Path png = out.resolve("atlas-" + layout + ".png");
      Png.write(png, d.image());
      pngs.add(png);
      unexplored = layout.equals("umap") || pcaOnly ? d.unexplored() : unexplored;
    }
    Path sprites = out.resolve("atlas-sprites.png");
    Png.write(sprites, AtlasPage.sprites(points));
    Path html = out.resolve("atlas.html");
    Files2.writeAtomic(html, AtlasPage.html(points, space.id(), sprites.getFileName().toString(), !pcaOnly));
    return new Result(pngs, html, arch.size(), items.size(), unexplored);
  }

  private static Point point(Store store, Optional<PreparedArchive> archive, String owner, boolean isArchive,
      float[] pca, float[] umap) {
    if (isArchive) {
      int i = Integer.parseInt(owner.substring("archive:".length()));
      String source = ArchiveImages.source(store, i);
      return new Point(owner, "archive", owner + (source == null ? "" : " " + source),
          archive.map(a -> Similar.archiveImage(a, i)).orElse(Similar.blank(SPRITE)), pca, umap);
    }
    Item item = Items.byId(store, owner).orElseThrow();
    Path png = item.path() == null ? null : Locations.resolve(store.studio(), item.path());
    BufferedImage img = png != null && java.nio.file.Files.isRegularFile(png) ? Png.read(png) : Similar.blank(SPRITE);
    return new Point(owner, item.kind() == null ? "unmeasured" : item.kind(), item.path() + " (" + item.sampler()
        + ", seed " + item.seed() + ")", img, pca, umap);
  }

  /** Every k-th row so at most `max` remain. */
  static Vectors.Matrix thin(Vectors.Matrix m, int max) {
    if (m.size() <= max) {
      return m;
    }
    List<String> owners = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    double step = (double) m.size() / max;
    for (int i = 0; i < max; i++) {
      int r = (int) (i * step);
      owners.add(m.owners().get(r));
      vectors.add(m.vectors()[r]);
    }
    return new Vectors.Matrix(owners, vectors.toArray(float[][]::new));
  }
}

package margins.store;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import margins.Files2;
import margins.image.Png;

/**
 * The lineage as an SVG picture: a row per generation (ancestors above, descendants below), each node its thumbnail
 * (embedded, so the file stands alone) framed in its kind's colour, each link labelled with how the child came.
 */
public final class LineageSvg {

  private static final int TILE = 64;
  private static final int GAP_X = 150;
  private static final int GAP_Y = 140;

  private LineageSvg() {}

  public static void write(Store store, Lineage.Graph g, Path file) {
    Map<Integer, List<Lineage.Node>> rows = new TreeMap<>();
    for (Lineage.Node n : g.nodes().values()) {
      rows.computeIfAbsent(n.level(), l -> new ArrayList<>()).add(n);
    }
    int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
    int width = Math.max(320, widest * GAP_X + 40);
    int height = rows.size() * GAP_Y + 40;
    Map<String, int[]> at = new HashMap<>();
    int r = 0;
    for (List<Lineage.Node> row : rows.values()) {
      int x0 = (width - row.size() * GAP_X) / 2 + GAP_X / 2;
      for (int i = 0; i < row.size(); i++) {
        at.put(row.get(i).key(), new int[] {x0 + i * GAP_X, 30 + r * GAP_Y + TILE / 2});
      }
      r++;
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#1e1e1e\"/>\n");
    for (Lineage.Link l : g.links()) {
      int[] c = at.get(l.child());
      int[] p = at.get(l.parent());
      int midY = (c[1] + p[1]) / 2;
      svg.append(String.format("<path d=\"M%d %d C%d %d %d %d %d %d\" stroke=\"#bbbbbb\" fill=\"none\""
          + " stroke-width=\"1.5\" marker-end=\"url(#a)\"/>\n", p[0], p[1] + TILE / 2 + 14, p[0], midY, c[0], midY,
          c[0], c[1] - TILE / 2 - 4));
      svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#dddddd\" text-anchor=\"middle\">%s</text>\n",
          (c[0] + p[0]) / 2, midY, escape(l.kind())));
    }
    svg.append("<defs><marker id=\"a\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\""
        + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#bbbbbb\"/></marker></defs>\n");
    for (Lineage.Node n : g.nodes().values()) {
      int[] p = at.get(n.key());
      String kind = n.item() != null ? n.item().kind() : n.key().startsWith("archive:") ? "archive" : null;
      BufferedImage img = thumbnail(store, n);
      int x = p[0] - TILE / 2;
      int y = p[1] - TILE / 2;
      svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2b2b2b\" stroke=\"%s\""
          + " stroke-width=\"%d\"/>\n", x - 3, y - 3, TILE + 6, TILE + 6, Colours.kind(kind), n.level() == 0 ? 5 : 3));
      if (img != null) {
        svg.append(String.format("<image x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
            + " style=\"image-rendering:pixelated\" href=\"data:image/png;base64,%s\"/>\n", x, y, TILE, TILE,
            Base64.getEncoder().encodeToString(Png.encode(img, null, null))));
      }
      String first = n.item() != null ? n.item().brief() : n.key().length() > 22 ? n.key().substring(0, 22) + "…"
          : n.key();
      String second = n.item() != null ? (kind == null ? "unmeasured" : kind) + " · " + n.item().sampler() : "";
      svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#eeeeee\" text-anchor=\"middle\">%s</text>\n", p[0],
          y + TILE + 16, escape(first)));
      svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#aaaaaa\" text-anchor=\"middle\">%s</text>\n", p[0],
          y + TILE + 29, escape(second)));
      svg.append("<title>").append(escape(n.label())).append("</title>\n");
    }
    svg.append("</svg>\n");
    Files2.writeAtomic(file, svg.toString());
  }

  private static BufferedImage thumbnail(Store store, Lineage.Node n) {
    if (n.item() != null && n.item().path() != null) {
      Path png = Locations.resolve(store.studio(), n.item().path());
      return Files.isRegularFile(png) ? Png.read(png) : null;
    }
    if (n.key().startsWith("archive:")) {
      int i = Integer.parseInt(n.key().substring("archive:".length()));
      return ArchiveImages.of(store).filter(a -> i < a.count()).map(a -> Similar.archiveImage(a, i)).orElse(null);
    }
    return null;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

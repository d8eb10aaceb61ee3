package margins.store;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One layout of the atlas as a picture: a dot per image in its kind's colour, a thumbnail per occupied cell of a fine
 * grid (outputs over archive images), dashed outlines on the coarse cells where the archive lies but nothing has
 * been made yet, a legend.
 */
final class AtlasPicture {

  static final int SIDE = 1600;
  private static final int MARGIN = 70;
  private static final int THUMB = 30;
  /** Coarse cells for "nothing made here yet"; fine cells for thumbnails. */
  static final int COARSE = 16;
  private static final int FINE = 48;
  private static final List<String> LEGEND = List.of("archive", "copy", "mimetic", "marginal", "alien", "noise");

  /** The picture, and how many coarse cells hold archive images but no output. */
  record Drawn(BufferedImage image, int unexplored) {}

  private AtlasPicture() {}

  static Drawn draw(List<Atlas.Point> points, String layout, String space) {
    BufferedImage img = new BufferedImage(SIDE, SIDE + 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x161616));
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    int[][] archive = new int[COARSE][COARSE];
    int[][] made = new int[COARSE][COARSE];
    for (Atlas.Point p : points) {
      float[] xy = xy(p, layout);
      int cx = Math.min(COARSE - 1, (int) (xy[0] * COARSE));
      int cy = Math.min(COARSE - 1, (int) (xy[1] * COARSE));
      (p.kind().equals("archive") ? archive : made)[cy][cx]++;
    }
    int unexplored = 0;
    double cell = (SIDE - 2.0 * MARGIN - THUMB) / COARSE;
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
    g.setColor(Color.decode(Colours.kind("archive")));
    for (int y = 0; y < COARSE; y++) {
      for (int x = 0; x < COARSE; x++) {
        if (archive[y][x] > 0 && made[y][x] == 0) {
          unexplored++;
          g.drawRect((int) (MARGIN + THUMB / 2 + x * cell) + 2, (int) (MARGIN + THUMB / 2 + y * cell) + 2, (int) cell - 4,
              (int) cell - 4);
        }
      }
    }
    g.setStroke(new BasicStroke(1f));
    for (Atlas.Point p : points) {
      int[] at = pixel(xy(p, layout));
      g.setColor(Colours.awt(p.kind()));
      g.fillOval(at[0] - 3, at[1] - 3, 6, 6);
    }
    // Thumbnails: one per fine cell, outputs drawn over archive images (the list holds the archive first).
    Atlas.Point[][] shown = new Atlas.Point[FINE][FINE];
    for (Atlas.Point p : points) {
      float[] xy = xy(p, layout);
      shown[Math.min(FINE - 1, (int) (xy[1] * FINE))][Math.min(FINE - 1, (int) (xy[0] * FINE))] = p;
    }
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (Atlas.Point[] row : shown) {
      for (Atlas.Point p : row) {
        if (p != null) {
          int[] at = pixel(xy(p, layout));
          g.setColor(Colours.awt(p.kind()));
          g.fillRect(at[0] - THUMB / 2 - 2, at[1] - THUMB / 2 - 2, THUMB + 4, THUMB + 4);
          g.drawImage(p.image(), at[0] - THUMB / 2, at[1] - THUMB / 2, THUMB, THUMB, null);
        }
      }
    }
    legend(g, points, layout, space, unexplored);
    g.dispose();
    return new Drawn(img, unexplored);
  }

  private static void legend(Graphics2D g, List<Atlas.Point> points, String layout, String space, int unexplored) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.setColor(new Color(0xeeeeee));
    long items = points.stream().filter(p -> !p.kind().equals("archive")).count();
    g.drawString("Margins atlas: " + (points.size() - items) + " archive images and " + items + " outputs, "
        + space + " space, " + layout.toUpperCase(java.util.Locale.ROOT), MARGIN, 42);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    int x = MARGIN;
    int y = SIDE + 25;
    for (String k : LEGEND) {
      g.setColor(Colours.awt(k));
      g.fillOval(x, y - 12, 14, 14);
      g.setColor(new Color(0xdddddd));
      g.drawString(k, x + 20, y);
      x += 30 + g.getFontMetrics().stringWidth(k) + 20;
    }
    g.setColor(Color.decode(Colours.kind("archive")));
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
    g.drawRect(x, y - 14, 18, 18);
    g.setColor(new Color(0xdddddd));
    g.drawString("archive here, nothing made yet (" + unexplored + " cells)", x + 26, y);
  }

  static float[] xy(Atlas.Point p, String layout) {
    return layout.equals("umap") ? p.umap() : p.pca();
  }

  private static int[] pixel(float[] xy) {
    int span = SIDE - 2 * MARGIN - THUMB;
    return new int[] {MARGIN + THUMB / 2 + Math.round(xy[0] * span), MARGIN + THUMB / 2 + Math.round(xy[1] * span)};
  }
}

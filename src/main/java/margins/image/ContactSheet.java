package margins.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays images out on a grid, each enlarged by whole pixels so small images stay crisp. */
public final class ContactSheet {

  private static final int GUTTER = 2;

  private ContactSheet() {}

  /** A grid of `columns` (0 = as square as possible), tiles at least `minTile` pixels wide. */
  public static BufferedImage of(List<BufferedImage> images, int columns, int minTile) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one image");
    }
    int n = images.size();
    int cols = columns > 0 ? columns : (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    int side = images.get(0).getWidth();
    int scale = Math.max(1, (minTile + side - 1) / side);
    int tile = side * scale;
    BufferedImage sheet = new BufferedImage(
        cols * (tile + GUTTER) + GUTTER, rows * (tile + GUTTER) + GUTTER, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(new Color(0x2b2b2b));
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    for (int i = 0; i < n; i++) {
      int x = GUTTER + (i % cols) * (tile + GUTTER);
      int y = GUTTER + (i / cols) * (tile + GUTTER);
      g.drawImage(images.get(i), x, y, tile, tile, null);
    }
    g.dispose();
    return sheet;
  }
}

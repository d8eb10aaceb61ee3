package margins.report;

import java.util.List;
import java.util.Locale;
import margins.measure.BatchMeasures;
import margins.measure.PixelStructure;
import margins.measure.Thumbnail;
import margins.model.EncoderSpace;

/** Batch rows as a text table per space (for the terminal) or as HTML (for the report). */
public final class BatchTable {

  private static final String[] HEAD = {"batch", "n", "precision", "pruned", "recall", "density", "coverage",
      "KID x1e3 (std)", "copy rate", "sharpness", "coherence", "copy/mimetic/marginal/alien/noise"};

  private BatchTable() {}

  /** One line saying what a space is, for table captions. */
  public static String caption(String space) {
    return switch (space) {
      case PixelStructure.ID -> "pixel-structure space (network-independent colour layout, strokes and pixel-level"
          + " structure; kinds come from here)";
      case Thumbnail.ID -> "thumbnail space (network-independent second opinion: lightness and chroma thumbnails,"
          + " gradient energy across scales)";
      case EncoderSpace.ID -> "encoder space (this model's posterior means: how the network itself sees them)";
      default -> space + " space";
    };
  }

  /** A text table per space, each with a caption line. */
  public static String text(List<String> spaces, List<BatchRow> rows) {
    int nameWidth = Math.max(28, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    for (String space : spaces) {
      sb.append(caption(space)).append('\n');
      sb.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %5s %9s %7s %7s %8s %9s %16s %9s %9s %9s  %s%n",
          (Object[]) HEAD));
      for (BatchRow r : rows) {
        BatchMeasures b = r.in(space);
        if (b == null) {
          sb.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %5d  %s%n", r.name(), r.n(), r.note()));
          continue;
        }
        String[] c = cells(r, b);
        sb.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %5d %9s %7s %7s %8s %9s %16s %9s %9s %9s  %s%n",
            r.name(), b.n(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** An HTML table per space, each with a caption; text is escaped. */
  public static String html(List<String> spaces, List<BatchRow> rows) {
    StringBuilder sb = new StringBuilder();
    for (String space : spaces) {
      sb.append("<table><caption>").append(escape(caption(space))).append("</caption>\n<tr>");
      for (String h : HEAD) {
        sb.append("<th>").append(escape(h)).append("</th>");
      }
      sb.append("</tr>\n");
      for (BatchRow r : rows) {
        BatchMeasures b = r.in(space);
        sb.append("<tr><td>").append(escape(r.name())).append("</td><td>").append(b == null ? r.n() : b.n()).append("</td>");
        if (b == null) {
          sb.append("<td colspan=\"10\" class=\"note\">").append(escape(r.note())).append("</td>");
        } else {
          for (String c : cells(r, b)) {
            sb.append("<td>").append(escape(c)).append("</td>");
          }
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.toString();
  }

  private static String[] cells(BatchRow r, BatchMeasures b) {
    var k = b.kinds();
    return new String[] {f3(b.precision()), f3(b.prunedPrecision()), f3(b.recall()), f3(b.density()),
        f3(b.coverage()), String.format(Locale.ROOT, "%.2f (%.2f)", b.kid() * 1e3, b.kidStd() * 1e3),
        f3(b.copyRate()), f3(r.sharpness()), f3(r.coherence()),
        String.join("/", k.values().stream().map(String::valueOf).toList())};
  }

  /** Three decimals, "n/a" for NaN, and no "-0.000" for a value that rounds to zero. */
  static String f3(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", Math.abs(v) < 5e-4 ? 0.0 : v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

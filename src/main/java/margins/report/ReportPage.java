package margins.report;

import static margins.report.BatchTable.escape;

import java.util.List;
import margins.measure.Kind;

/** The report's HTML, built section by section: inline CSS, images by relative file name, no network assets. */
final class ReportPage {

  private static final String CSS = """
      body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em;margin-bottom:.2em} h2{margin-top:2em;border-bottom:1px solid #ddd}
      .meta{color:#666;font-size:.9em} .note{color:#777;font-style:italic}
      .pair{display:flex;gap:2em;flex-wrap:wrap} .pair figure{margin:0;flex:1;min-width:300px}
      img{image-rendering:pixelated;max-width:100%} figcaption{font-weight:600;margin:.3em 0}
      table{border-collapse:collapse;margin:1em 0 2em;font-size:.85em;font-variant-numeric:tabular-nums}
      caption{text-align:left;font-weight:600;padding:.3em 0}
      th,td{border-bottom:1px solid #e4e4e4;padding:.25em .6em;text-align:right} th:first-child,td:first-child{text-align:left}
      td.note{text-align:left} td{white-space:nowrap} td:first-child{white-space:normal} .caution{background:#fff4e0;border-left:4px solid #e0a030;padding:.5em 1em} .met{color:#2a7a2a;font-weight:600} .notmet{color:#b03030;font-weight:600}
      dt{font-weight:600} dd{margin:0 0 .5em 1.2em}
      """;

  private final StringBuilder body = new StringBuilder();
  private final String model;
  private final String sha;
  private final String software;
  private final int n;
  private boolean baselines;

  ReportPage(String model, String sha, String software, int n) {
    this.model = model;
    this.sha = sha;
    this.software = software;
    this.n = n;
  }

  void sideBySide(String mimeticSheet, String mimeticName, String alienSheet, String alienName) {
    body.append("<h2>The two regimes side by side</h2>\n<p>").append(n).append(" images each, seeds 0 to ").append(n - 1)
        .append(". Each PNG in the two folders carries its recipe (<code>margins redo</code> makes it again) and its"
            + " measures; <code>measures.jsonl</code> beside them lists them.</p>\n<div class=\"pair\">")
        .append(figure(mimeticSheet, mimeticName)).append(figure(alienSheet, alienName)).append("</div>\n");
  }

  void plot(String space, String file) {
    if (space.equals(ArchiveMeasurer.JUDGE)) {
      body.append("<h2>Novelty against realism</h2>\n<p>Each dot is one image. Right is further from every archive"
          + " image (novelty: distance to its nearest archive item); up is deeper inside a typical archive"
          + " neighbourhood (realism: 1 is the rim of a k-NN ball from the smaller half). The held-out archive"
          + " images show where real, unseen work falls; mimetic outputs should sit with them; alien outputs should"
          + " lie to the right and below, but left of the two noise baselines: strange, not noise.</p>\n");
    } else if (space.equals(ArchiveMeasurer.CHECK)) {
      body.append("<p>The same in the thumbnail space, a second network-independent opinion built from other parts"
          + " (lightness and chroma thumbnails, diagonal pixel structure):</p>\n");
    } else {
      body.append("<p>The same in the model's own encoder space (how the network that made them sees them):</p>\n");
    }
    body.append(figure(file, BatchTable.caption(space)));
  }

  void kind(Kind kind, int perBatch, List<String> batches, List<Integer> counts, List<String> sheets,
      double tolerance) {
    if (kind == Kind.COPY) {
      body.append("<h2>Outputs by kind</h2>\n<p>Kinds come from the pixel-structure space, against the archive's"
          + " k-NN balls (k = 3), each widened by the archive's own tolerance &tau; = ")
          .append(String.format(java.util.Locale.ROOT, "%.3f", tolerance)).append(": the median distance between"
          + " an archive image and a light variant of it (blurred or shifted a pixel at 64 px, slightly recoloured,"
          + " or halved and back). <b>copy</b>: within &tau; of an archive image, as near as a variant of it;"
          + " <b>mimetic</b>: inside a typical (smaller than median) archive ball; <b>marginal</b>: only inside"
          + " larger, sparser balls; <b>alien</b>: outside every ball, with the pixel-level structure of a picture:"
          + " strange; <b>noise</b>: outside every typical ball and without that structure (neighbouring pixels that"
          + " do not move together): strange the uninteresting way. At most ").append(Report.SHEET_MAX)
          .append(" per sheet, in seed order.</p>\n");
    }
    body.append("<h3>").append(kind.id()).append("</h3>\n<div class=\"pair\">");
    for (int i = 0; i < batches.size(); i++) {
      String caption = batches.get(i) + ": " + counts.get(i) + " of " + perBatch;
      if (sheets.get(i) == null) {
        body.append("<figure><figcaption>").append(escape(caption)).append("</figcaption><p class=\"note\">none: no "
            + escape(batches.get(i)) + " output is " + kind.id() + "</p></figure>");
      } else {
        body.append(figure(sheets.get(i), caption));
      }
    }
    body.append("</div>\n");
  }

  void copies(List<String> batches, List<Integer> sizes, List<Integer> counts, List<String> sheets) {
    body.append("<h2>Copies beside the archive images they copy</h2>\n<p>Each copy (left) next to its nearest"
        + " archive image in the training split (right), four pairs a row, at most ").append(Report.SHEET_MAX / 2)
        .append(" pairs per batch. The held-out split's own copies show what a copy is on this archive: unseen"
        + " archive images that duplicate, or nearly duplicate, a training image.</p>\n<div class=\"pair\">");
    for (int i = 0; i < batches.size(); i++) {
      String caption = batches.get(i) + ": " + counts.get(i) + " cop" + (counts.get(i) == 1 ? "y" : "ies") + " of "
          + sizes.get(i);
      if (sheets.get(i) == null) {
        body.append("<figure><figcaption>").append(escape(caption)).append("</figcaption><p class=\"note\">none: no "
            + escape(batches.get(i)) + " image is a copy</p></figure>");
      } else {
        body.append(figure(sheets.get(i), caption));
      }
    }
    body.append("</div>\n");
  }

  void table(String html) {
    body.append("<h2>Batch measures</h2>\n<p>Every batch against the training split of the archive. The held-out"
        + " row is the reference: real images the model never saw.</p>\n").append(html).append("""
        <dl>
        <dt>precision</dt><dd>share of images inside some archive ball (k-NN radius, k = 3, widened by the archive's tolerance). Inflated by outliers' huge balls.</dd>
        <dt>pruned</dt><dd>the same with only the smaller half of the balls: the typical archive.</dd>
        <dt>recall</dt><dd>share of archive images inside some ball of the batch: how much of the archive it covers.</dd>
        <dt>density, coverage</dt><dd>Naeem et al. 2020: mean ball count per image over k; share of archive balls holding an image.</dd>
        <dt>KID</dt><dd>kernel distance between the batch and the archive (x 1000; std over 10 disjoint blocks). 0: same distribution.</dd>
        <dt>copy rate</dt><dd>share of images that are copies (see kinds above).</dd>
        <dt>sharpness</dt><dd>mean absolute Laplacian of the grey image, over the held-out split's: 1 is as crisp as the archive, below 1 softer, far above 1 grainier (noise).</dd>
        <dt>coherence</dt><dd>correlation of neighbouring pixels' grey values: drawings and photographs near 1, noise near 0.</dd>
        </dl>
        """);
  }

  void figures(List<RegimeFigures.Line> lines) {
    body.append("<h2>Regime figures</h2>\n<table><tr><th>figure</th><th>value</th><th>target</th><th></th></tr>\n");
    for (RegimeFigures.Line l : lines) {
      String cls = l.met() == null ? "" : l.met() ? "met" : "notmet";
      body.append("<tr><td>").append(escape(l.what())).append("</td><td>").append(escape(l.value())).append("</td><td>")
          .append(escape(l.target())).append("</td><td class=\"").append(cls).append("\">").append(l.verdict())
          .append("</td></tr>\n");
    }
    body.append("</table>\n");
  }

  /** A warning box, for when the measures themselves cannot be trusted on this archive. */
  void caution(String text) {
    body.append("<p class=\"caution\">").append(escape(text)).append("</p>\n");
  }

  void baseline(String name, String file) {
    if (!baselines) {
      baselines = true;
      body.append("<h2>Noise baselines</h2>\n<p>Strange the uninteresting way, measured beside the outputs: Gaussian"
          + " pixel noise with the archive's colour statistics, and archive images with their pixels shuffled (same"
          + " colours, no layout). The first 16 of each:</p>\n");
    }
    body.append(figure(file, name));
  }

  String html() {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Margins report: " + escape(model)
        + "</title>\n<style>" + CSS + "</style></head><body>\n<h1>Margins report: " + escape(model) + "</h1>\n"
        + "<p class=\"meta\">checkpoint sha256 " + escape(sha.substring(0, 12)) + "…, " + escape(software)
        + ". Mimetic: typical look-alikes, close to the archive. Alien: the model's statistical margins.</p>\n"
        + body + "</body></html>\n";
  }

  private static String figure(String file, String caption) {
    return "<figure><figcaption>" + escape(caption) + "</figcaption><img src=\"" + escape(file) + "\" alt=\""
        + escape(caption) + "\"></figure>\n";
  }
}

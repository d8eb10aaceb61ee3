package margins.report;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.Files2;
import margins.image.ContactSheet;
import margins.image.Images;
import margins.image.Png;
import margins.measure.Kind;
import margins.model.Model;
import margins.recipe.Regime;
import margins.sample.Sampler;

/**
 * `margins report`: a self-contained HTML page (inline CSS, images as files beside it) showing the two regimes
 * side by side against the archive's held-out split and two noise baselines: a novelty-realism plot per space,
 * a contact sheet per kind, the copies beside the archive images they copy, the batch table and the regime figures.
 */
public final class Report {

  /** Images per kind and regime sheet at most. */
  static final int SHEET_MAX = 64;

  /** Columns of a copies sheet: four (output, archive image) pairs a row. */
  static final int PAIR_COLUMNS = 8;

  /**
   * What the report wrote.
   *
   * @param index the HTML page
   * @param files every other file it wrote next to it (plots, sheets, the two batches' folders' sheets)
   * @param figures the regime figures shown on the page
   * @param table the batch table as text
   */
  public record Written(Path index, List<Path> files, List<RegimeFigures.Line> figures, String table) {}

  private Report() {}

  /** Samples n images per regime from a run's model, measures everything and writes the page into out. */
  public static Written build(Path studio, String run, int n, String mimetic, String alien, Path out, Device device,
      String software) {
    MeasureImages.checkCount(n);
    Survey.sampler(Regime.MIMETIC, mimetic);
    Survey.sampler(Regime.ALIEN, alien);
    try (Model model = Model.load(studio, run, null, device)) {
      Sampler ms = Survey.sampler(Regime.MIMETIC, mimetic, model);
      Sampler as = Survey.sampler(Regime.ALIEN, alien, model);
      ArchiveMeasurer m = ArchiveMeasurer.forStudio(studio, model);
      Path dir = out != null ? out : studio.resolve("reports").resolve(model.run() + "-n" + n);
      Survey.Measured held = Survey.heldOut(m);
      Survey.Measured mim = Survey.sample(m, ms, n, dir.resolve(folder(ms)), software);
      Survey.Measured ali = Survey.sample(m, as, n, dir.resolve(folder(as)), software);
      MeasureImages.writeJsonl(m, mim, dir.resolve(folder(ms)));
      MeasureImages.writeJsonl(m, ali, dir.resolve(folder(as)));
      List<Survey.Measured> base = Survey.baselines(m, n);
      List<Survey.Measured> all = List.of(held, mim, ali, base.get(0), base.get(1));
      List<Path> files = new ArrayList<>();
      ReportPage page = new ReportPage(model.id(), model.sha256(), software, n);
      page.sideBySide(folder(ms) + "/sheet.png", Survey.name(ms), folder(as) + "/sheet.png", Survey.name(as));
      for (Survey.Measured b : base) {
        String file = "baseline-" + (b == base.get(0) ? "noise" : "shuffled") + ".png";
        Png.write(dir.resolve(file), ContactSheet.of(images(b.images().subList(0, Math.min(16, b.size())), m.size()), 16, 48));
        files.add(dir.resolve(file));
        page.baseline(b.name(), file);
      }
      for (String space : m.spaceIds()) {
        String file = "novelty-realism-" + space + ".png";
        Png.write(dir.resolve(file), Plots.noveltyRealism(space, all));
        files.add(dir.resolve(file));
        page.plot(space, file);
      }
      for (Kind kind : Kind.values()) {
        List<String> sheets = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Survey.Measured batch : List.of(mim, ali)) {
          List<BufferedImage> images = ofKind(kind, batch, m.size());
          counts.add(images.size());
          String file = null;
          if (!images.isEmpty()) {
            file = "kind-" + kind.id() + "-" + (batch == mim ? "mimetic" : "alien") + ".png";
            Png.write(dir.resolve(file), ContactSheet.of(images.subList(0, Math.min(SHEET_MAX, images.size())), 16, 48));
            files.add(dir.resolve(file));
          }
          sheets.add(file);
        }
        page.kind(kind, n, List.of(mim.name(), ali.name()), counts, sheets, m.tolerance(ArchiveMeasurer.JUDGE));
      }
      List<String> pairSheets = new ArrayList<>();
      List<Integer> copies = new ArrayList<>();
      List<Survey.Measured> copying = List.of(mim, ali, held);
      for (Survey.Measured batch : copying) {
        List<BufferedImage> pairs = copyPairs(m, batch);
        copies.add(ofKind(Kind.COPY, batch, m.size()).size());
        String file = null;
        if (!pairs.isEmpty()) {
          file = "copies-" + (batch == mim ? "mimetic" : batch == ali ? "alien" : "held-out") + ".png";
          Png.write(dir.resolve(file), ContactSheet.of(pairs, PAIR_COLUMNS, 48));
          files.add(dir.resolve(file));
        }
        pairSheets.add(file);
      }
      page.copies(copying.stream().map(Survey.Measured::name).toList(), copying.stream().map(Survey.Measured::size)
          .toList(), copies, pairSheets);
      List<BatchRow> rows = all.stream().map(Survey.Measured::row).toList();
      page.table(BatchTable.html(m.spaceIds(), rows));
      List<RegimeFigures.Line> figures = RegimeFigures.of(held, mim, ali, base.get(0), base.get(1));
      page.figures(figures);
      RegimeFigures.caution(held, ali, base.get(0), base.get(1)).ifPresent(page::caution);
      RegimeFigures.softness(mim, ali).ifPresent(page::caution);
      Path index = dir.resolve("index.html");
      Files2.writeAtomic(index, page.html());
      return new Written(index, files, figures, BatchTable.text(m.spaceIds(), rows));
    }
  }

  private static String folder(Sampler s) {
    return s.regime().id() + "-" + s.id();
  }

  /**
   * The batch's copies in the judging space, each followed by the archive image it copies (its nearest training
   * image), in seed order, at most {@link #SHEET_MAX} / 2 pairs.
   */
  static List<BufferedImage> copyPairs(ArchiveMeasurer m, Survey.Measured b) {
    var p = b.placements().get(ArchiveMeasurer.JUDGE);
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < p.size() && out.size() < SHEET_MAX; i++) {
      if (p.get(i).kind() == Kind.COPY) {
        out.add(Images.fromChw(b.images().get(i), 0, m.size(), m.size()));
        out.add(Images.fromChw(m.archiveImage(m.archiveIndex(p.get(i))), 0, m.size(), m.size()));
      }
    }
    return out;
  }

  /** The batch's images of this kind in the judging space, in seed order. */
  private static List<BufferedImage> ofKind(Kind kind, Survey.Measured b, int size) {
    var p = b.placements().get(ArchiveMeasurer.JUDGE);
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).kind() == kind) {
        out.add(Images.fromChw(b.images().get(i), 0, size, size));
      }
    }
    return out;
  }

  private static List<BufferedImage> images(List<float[]> chw, int size) {
    return chw.stream().map(x -> Images.fromChw(x, 0, size, size)).toList();
  }
}

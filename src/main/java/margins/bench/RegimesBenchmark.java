package margins.bench;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import margins.model.Model;
import margins.recipe.Regime;
import margins.report.ArchiveMeasurer;
import margins.report.BatchTable;
import margins.report.MeasureImages;
import margins.report.RegimeFigures;
import margins.report.SharpTargets;
import margins.report.Survey;
import margins.sample.Sampler;
import margins.sample.SamplerParams;

/** The regime figures for a studio's model, from batches decoded in memory (nothing is written). */
public final class RegimesBenchmark {

  /**
   * The figures and the table they come from.
   *
   * @param model the model's id
   * @param lines the figures with their targets
   * @param sharp a two-stage model's targets (dreams, reconstructions, alien coherence); empty for a VAE
   * @param table the batch table (both spaces, held-out row, baselines)
   * @param caution a warning when the judging space cannot tell noise from this archive, or ""
   * @param seconds wall time from loading the model to the last measure
   */
  public record Result(String model, List<RegimeFigures.Line> lines, List<RegimeFigures.Line> sharp, String table,
      String caution, double seconds) {}

  private RegimesBenchmark() {}

  public static Result run(Path studio, String run, int n, String mimetic, String alien, Device device) {
    return run(studio, run, n, mimetic, SamplerParams.none(), alien, SamplerParams.none(), device);
  }

  /** As above, with each sampler's parameters. */
  public static Result run(Path studio, String run, int n, String mimetic, SamplerParams mimeticParams, String alien,
      SamplerParams alienParams, Device device) {
    MeasureImages.checkCount(n);
    Survey.sampler(Regime.MIMETIC, mimetic);
    Survey.sampler(Regime.ALIEN, alien);
    long t0 = System.nanoTime();
    try (Model model = Model.load(studio, run, null, device)) {
      Sampler ms = Survey.sampler(Regime.MIMETIC, mimetic, model);
      Sampler as = Survey.sampler(Regime.ALIEN, alien, model);
      ArchiveMeasurer m = ArchiveMeasurer.forStudio(studio, model);
      Survey.Measured held = Survey.heldOut(m);
      Survey.Measured mim = Survey.sample(m, ms, mimeticParams, n, null, null);
      Survey.Measured ali = Survey.sample(m, as, alienParams, n, null, null);
      List<Survey.Measured> base = Survey.baselines(m, n);
      // A model with a learned density is judged on its reconstructions too: the ceiling of its dreams' crispness.
      Survey.Measured recon = model.density() != null ? Survey.reconstructions(m) : null;
      List<Survey.Measured> all = recon == null ? List.of(held, mim, ali, base.get(0), base.get(1))
          : List.of(held, recon, mim, ali, base.get(0), base.get(1));
      String table = BatchTable.text(m.spaceIds(), all.stream().map(Survey.Measured::row).toList());
      List<RegimeFigures.Line> lines = RegimeFigures.of(held, mim, ali, base.get(0), base.get(1));
      String caution = String.join("\n", java.util.stream.Stream.of(RegimeFigures.caution(held, ali, base.get(0),
          base.get(1)), RegimeFigures.softness(mim, ali)).flatMap(java.util.Optional::stream).toList());
      List<RegimeFigures.Line> sharp = recon == null ? List.of() : SharpTargets.of(held, recon, mim, ali);
      return new Result(model.id(), lines, sharp, table, caution, (System.nanoTime() - t0) / 1e9);
    }
  }
}

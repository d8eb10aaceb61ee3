package margins.report;

import java.util.List;
import margins.measure.BatchMeasures;

/**
 * The targets of a model with a learned density (the two-stage model), beside the regime figures: dreams as typical
 * as the held-out split and nearly as crisp, reconstructions of unseen images crisp, and alien outputs as coherent as
 * the archive (strange images, not noise or smudges).
 */
public final class SharpTargets {

  /** The mimetic sampler's pruned precision: at least this share of the held-out split's. */
  public static final double MIMETIC_SHARE = 0.8;

  /** The mimetic sampler's sharpness (1 = as crisp as the held-out split): at least this. */
  public static final double MIMETIC_SHARPNESS = 0.85;

  /** Reconstructions of held-out images: at least this sharp. */
  public static final double RECON_SHARPNESS = 0.9;

  /** The alien default's coherence: within this of the held-out split's. */
  public static final double COHERENCE_GAP = 0.1;

  private SharpTargets() {}

  /** The lines, from the held-out split, its reconstructions and the two regimes' batches. */
  public static List<RegimeFigures.Line> of(Survey.Measured held, Survey.Measured recon, Survey.Measured mimetic,
      Survey.Measured alien) {
    BatchMeasures h = held.row().in(ArchiveMeasurer.JUDGE);
    BatchMeasures m = mimetic.row().in(ArchiveMeasurer.JUDGE);
    double hp = h == null ? Double.NaN : h.prunedPrecision();
    double mp = m == null ? Double.NaN : m.prunedPrecision();
    double ms = mimetic.row().sharpness();
    double rs = recon.row().sharpness();
    double hc = held.row().coherence();
    double ac = alien.row().coherence();
    return List.of(
        new RegimeFigures.Line(mimetic.name() + " pruned precision (held-out split: " + f(hp) + ")", f(mp),
            ">= " + MIMETIC_SHARE + " x held-out", Double.isNaN(mp * hp) ? null : mp >= MIMETIC_SHARE * hp),
        new RegimeFigures.Line(mimetic.name() + " sharpness (1 = held-out split)", f(ms),
            ">= " + MIMETIC_SHARPNESS, Double.isNaN(ms) ? null : ms >= MIMETIC_SHARPNESS),
        new RegimeFigures.Line("reconstructions of held-out images: sharpness", f(rs),
            ">= " + RECON_SHARPNESS, Double.isNaN(rs) ? null : rs >= RECON_SHARPNESS),
        new RegimeFigures.Line(alien.name() + " coherence (held-out split: " + f(hc) + ")", f(ac),
            "within " + COHERENCE_GAP + " of held-out", Double.isNaN(ac - hc) ? null : Math.abs(ac - hc) <= COHERENCE_GAP));
  }

  private static String f(double v) {
    return BatchTable.f3(v);
  }
}

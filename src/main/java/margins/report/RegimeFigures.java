package margins.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margins.measure.BatchMeasures;
import margins.measure.Kind;
import margins.measure.Placement;

/**
 * The figures that say whether the two regimes do what they claim, in the network-independent space: mimetic
 * outputs as typical as the held-out split without copying more than it does, alien outputs outside the typical
 * balls yet nearer the archive than noise (strange, not noise).
 */
public final class RegimeFigures {

  /** Alien outputs inside a typical (small) archive ball: at most this fraction. */
  public static final double ALIEN_PRUNED_MAX = 0.05;

  /** Mimetic pruned precision: at least this share of the held-out split's. */
  public static final double MIMETIC_SHARE = 0.6;

  /**
   * One printed figure.
   *
   * @param what what is measured
   * @param value the measured value
   * @param target the target, or "" for a figure shown for context
   * @param met whether the target is met; null for context figures and when it cannot be judged
   */
  public record Line(String what, String value, String target, Boolean met) {

    public String verdict() {
      return target.isEmpty() ? "" : met == null ? "cannot tell" : met ? "met" : "not met";
    }
  }

  private RegimeFigures() {}

  /** The lines, from the held-out, mimetic, alien, pixel-noise and shuffled-pixel batches. */
  public static List<Line> of(Survey.Measured held, Survey.Measured mimetic, Survey.Measured alien,
      Survey.Measured noise, Survey.Measured shuffled) {
    String s = ArchiveMeasurer.JUDGE;
    BatchMeasures h = held.row().in(s);
    BatchMeasures m = mimetic.row().in(s);
    BatchMeasures a = alien.row().in(s);
    List<Line> out = new ArrayList<>();
    double hp = h == null ? Double.NaN : h.prunedPrecision();
    out.add(new Line("mimetic pruned precision (held-out split: " + f(hp) + ")", f(pruned(m)),
        ">= " + MIMETIC_SHARE + " x held-out", h == null || m == null ? null : m.prunedPrecision() >= MIMETIC_SHARE * hp));
    out.add(new Line("alien pruned precision", f(pruned(a)), "<= " + ALIEN_PRUNED_MAX,
        a == null ? null : a.prunedPrecision() <= ALIEN_PRUNED_MAX));
    out.add(new Line("plain precision: held-out / mimetic / alien / shuffled pixels",
        f(plain(h)) + " / " + f(plain(m)) + " / " + f(plain(a)) + " / " + f(plain(shuffled.row().in(s))), "", null));
    out.add(new Line("pruned precision of shuffled pixels / pixel noise",
        f(pruned(shuffled.row().in(s))) + " / " + f(pruned(noise.row().in(s))), "", null));
    double ad = meanDistance(alien);
    double nd = meanDistance(noise);
    double sd = meanDistance(shuffled);
    out.add(new Line("alien mean nearest-archive distance (pixel noise " + f(nd) + ", shuffled pixels " + f(sd)
        + ", held-out " + f(meanDistance(held)) + ", mimetic " + f(meanDistance(mimetic)) + ")", f(ad),
        "< both noise baselines", Double.isNaN(ad) ? null : ad < nd && ad < sd));
    double hc = h == null ? Double.NaN : h.copyRate();
    out.add(new Line("mimetic copy rate (held-out split's own: " + f(hc) + ")", f(m == null ? Double.NaN : m.copyRate()),
        "<= held-out's", h == null || m == null ? null : m.copyRate() <= hc));
    out.add(new Line("alien outputs that are noise (no pixel-level structure)", f(share(alien, Kind.NOISE)), "", null));
    out.add(new Line("sharpness, 1 = held-out split: mimetic / alien (pixel noise " + f(noise.row().sharpness()) + ")",
        f(mimetic.row().sharpness()) + " / " + f(alien.row().sharpness()), "", null));
    out.add(new Line("coherence: held-out / mimetic / alien (pixel noise " + f(noise.row().coherence())
        + ", shuffled pixels " + f(shuffled.row().coherence()) + ")", f(held.row().coherence()) + " / "
        + f(mimetic.row().coherence()) + " / " + f(alien.row().coherence()), "", null));
    out.add(new Line("kinds the same in the " + ArchiveMeasurer.CHECK + " space: mimetic / alien outputs",
        f(agreement(mimetic)) + " / " + f(agreement(alien)), "", null));
    return out;
  }

  /**
   * A warning when the judging space cannot tell noise from this archive: more than a tenth of a noise baseline
   * (or more than the held-out split's share, if lower) lands inside typical balls, so kinds and precision mean
   * little here.
   */
  public static java.util.Optional<String> caution(Survey.Measured held, Survey.Measured alien, Survey.Measured noise,
      Survey.Measured shuffled) {
    BatchMeasures h = held.row().in(ArchiveMeasurer.JUDGE);
    double bar = h == null ? 0.1 : Math.min(0.1, h.prunedPrecision());
    double worst = Math.max(pruned(noise.row().in(ArchiveMeasurer.JUDGE)), pruned(shuffled.row().in(ArchiveMeasurer.JUDGE)));
    if (!(worst > bar)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format(Locale.ROOT, "Caution: on this archive the pixel-structure space"
        + " puts noise inside typical archive balls (pruned precision up to %.2f), so a low pruned precision or an"
        + " 'alien' kind says less than it should; compare every batch with the noise rows, not with 0.", worst));
  }

  /** Regime outputs with sharpness below this are far softer than the archive: the report says so. */
  public static final double SOFT = 0.5;

  /**
   * A warning when a regime's outputs are much softer than the archive (sharpness below {@link #SOFT}): kinds
   * compare colour layout and stroke directions, which a blur keeps, so a smudge of an archive image can still
   * read as mimetic.
   */
  public static java.util.Optional<String> softness(Survey.Measured mimetic, Survey.Measured alien) {
    List<String> soft = new ArrayList<>();
    for (Survey.Measured b : List.of(mimetic, alien)) {
      if (b.row().sharpness() < SOFT) {
        soft.add(b.name() + " " + f(b.row().sharpness()));
      }
    }
    if (soft.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Caution: these outputs are much softer than the archive (sharpness, 1 = as crisp as"
        + " the held-out split: " + String.join(", ", soft) + "). Kinds compare colour layout and stroke directions,"
        + " which a blur keeps, so a blurred rendering of an archive image still reads as mimetic or marginal: read"
        + " 'mimetic' here as 'the archive's layout', not 'the archive's look'.");
  }

  /** The lines as text, one sentence each: what, value, then the target and its verdict. */
  public static String text(List<Line> lines) {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append("  ").append(l.what()).append(": ").append(l.value());
      if (!l.target().isEmpty()) {
        sb.append("  [target ").append(l.target()).append(": ").append(l.verdict()).append(']');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Share of a batch whose kind in the judging space is this one; NaN without placements. */
  static double share(Survey.Measured b, Kind kind) {
    List<Placement> p = b.placements().get(ArchiveMeasurer.JUDGE);
    return p == null || p.isEmpty() ? Double.NaN : (double) p.stream().filter(x -> x.kind() == kind).count() / p.size();
  }

  /** Share of a batch whose kind is the same in the judging and the check space; NaN without both. */
  public static double agreement(Survey.Measured b) {
    List<Placement> j = b.placements().get(ArchiveMeasurer.JUDGE);
    List<Placement> c = b.placements().get(ArchiveMeasurer.CHECK);
    if (j == null || c == null || j.isEmpty()) {
      return Double.NaN;
    }
    int same = 0;
    for (int i = 0; i < j.size(); i++) {
      same += j.get(i).kind() == c.get(i).kind() ? 1 : 0;
    }
    return (double) same / j.size();
  }

  /** Mean distance to the nearest archive item in the judging space; NaN without placements. */
  public static double meanDistance(Survey.Measured b) {
    List<Placement> p = b.placements().get(ArchiveMeasurer.JUDGE);
    if (p == null || p.isEmpty()) {
      return Double.NaN;
    }
    return p.stream().mapToDouble(Placement::nearestDistance).average().orElse(Double.NaN);
  }

  private static double pruned(BatchMeasures b) {
    return b == null ? Double.NaN : b.prunedPrecision();
  }

  private static double plain(BatchMeasures b) {
    return b == null ? Double.NaN : b.precision();
  }

  private static String f(double v) {
    return BatchTable.f3(v);
  }
}

package margins.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import margins.measure.BatchMeasures;
import margins.measure.Kind;
import margins.measure.Placement;
import margins.report.ArchiveMeasurer;
import margins.report.RegimeFigures;
import margins.report.Survey;

/** The measure's targets on one archive (issue #10), each met or not, from the batches measured on it. */
public final class SuiteTargets {

  /** Noise baselines inside typical archive balls: at most this share. */
  public static final double NOISE_PRUNED_MAX = 0.02;

  /** The held-out split's share of mimetic and marginal images: more than this ("mostly"). */
  public static final double HELD_TYPICAL_MIN = 0.5;

  /** Reconstructions (and their stand-ins) that are copy, mimetic or marginal: at least this share. */
  public static final double KEPT_MIN = 0.7;

  /** Reconstructions (and their stand-ins) that are alien: at most this share. */
  public static final double ALIEN_MAX = 0.1;

  /** Outputs whose kind is the same in the judging and the check space: more than this share ("most"). */
  public static final double AGREEMENT_MIN = 0.5;

  /**
   * One target.
   *
   * @param what what is measured, with the target
   * @param value the figures
   * @param met whether the target is met; null when it cannot be judged (no model yet)
   */
  public record Target(String what, String value, Boolean met) {

    public String verdict() {
      return met == null ? "cannot tell" : met ? "pass" : "FAIL";
    }
  }

  /**
   * The batches of one archive.
   *
   * @param held the held-out split
   * @param gaussian Gaussian pixel noise
   * @param shuffled archive images with shuffled pixels
   * @param softened held-out images blurred, shifted, recoloured or halved: stand-ins for reconstructions
   * @param reconstructions the held-out split encoded and decoded by the model, or null without one
   * @param mimetic the mimetic regime's outputs, or null without a model
   * @param alien the alien regime's outputs, or null without a model
   */
  public record Batches(Survey.Measured held, Survey.Measured gaussian, Survey.Measured shuffled,
      List<Survey.Measured> softened, Survey.Measured reconstructions, Survey.Measured mimetic, Survey.Measured alien) {

    /** Every batch, in table order. */
    public List<Survey.Measured> all() {
      List<Survey.Measured> out = new ArrayList<>(List.of(held));
      if (reconstructions != null) {
        out.add(reconstructions);
      }
      out.addAll(softened);
      out.add(gaussian);
      out.add(shuffled);
      if (mimetic != null) {
        out.add(mimetic);
        out.add(alien);
      }
      return out;
    }
  }

  private SuiteTargets() {}

  /** The targets, given the share of the held-out split that has a near-duplicate in the training split. */
  public static List<Target> of(Batches b, double nearDuplicates) {
    List<Target> out = new ArrayList<>();
    double gp = pruned(b.gaussian());
    double sp = pruned(b.shuffled());
    out.add(new Target("noise pruned precision <= " + NOISE_PRUNED_MAX + " (Gaussian / shuffled)",
        f(gp) + " / " + f(sp), gp <= NOISE_PRUNED_MAX && sp <= NOISE_PRUNED_MAX));
    long typical = count(b.gaussian(), EnumSet.of(Kind.COPY, Kind.MIMETIC))
        + count(b.shuffled(), EnumSet.of(Kind.COPY, Kind.MIMETIC));
    out.add(new Target("noise never copy or mimetic", typical + " of " + (b.gaussian().size() + b.shuffled().size()),
        typical == 0));
    double typicalHeld = share(b.held(), EnumSet.of(Kind.MIMETIC, Kind.MARGINAL));
    out.add(new Target("held-out split mostly mimetic or marginal (> " + HELD_TYPICAL_MIN + ")", f(typicalHeld),
        typicalHeld > HELD_TYPICAL_MIN));
    List<Survey.Measured> soft = new ArrayList<>();
    if (b.reconstructions() != null) {
      soft.add(b.reconstructions());
    }
    soft.addAll(b.softened());
    for (Survey.Measured s : soft) {
      double kept = share(s, EnumSet.of(Kind.COPY, Kind.MIMETIC, Kind.MARGINAL));
      double alien = share(s, EnumSet.of(Kind.ALIEN));
      out.add(new Target(s.name() + ": >= " + KEPT_MIN + " copy/mimetic/marginal, <= " + ALIEN_MAX + " alien",
          f(kept) + ", " + f(alien), kept >= KEPT_MIN && alien <= ALIEN_MAX));
    }
    if (b.alien() != null) {
      double a = RegimeFigures.meanDistance(b.alien());
      double g = RegimeFigures.meanDistance(b.gaussian());
      double s = RegimeFigures.meanDistance(b.shuffled());
      out.add(new Target("alien outputs nearer the archive than noise (mean nearest distance; noise: Gaussian / shuffled)",
          f(a) + " (" + f(g) + " / " + f(s) + ")", a < g && a < s));
    } else {
      out.add(new Target("alien outputs nearer the archive than noise", "no model", null));
    }
    double copies = share(b.held(), EnumSet.of(Kind.COPY));
    out.add(new Target("held-out copy rate close to its near-duplicate share (within x2, +-0.05)",
        f(copies) + " vs " + f(nearDuplicates), close(copies, nearDuplicates)));
    List<Survey.Measured> outputs = b.mimetic() != null ? List.of(b.mimetic(), b.alien()) : soft;
    double agree = agreement(outputs);
    out.add(new Target("kinds agree with the " + ArchiveMeasurer.CHECK + " space on most "
        + (b.mimetic() != null ? "outputs (both regimes)" : "stand-ins (no model)") + " (> " + AGREEMENT_MIN + ")",
        f(agree), agree > AGREEMENT_MIN));
    return out;
  }

  /** c is close to t: within a factor of two either way, give or take 0.05. */
  static boolean close(double c, double t) {
    return c >= t / 2 - 0.05 && c <= 2 * t + 0.05;
  }

  /** Share of a batch's images whose kind in the judging space is one of these. */
  public static double share(Survey.Measured b, Set<Kind> kinds) {
    return b.size() == 0 ? Double.NaN : (double) count(b, kinds) / b.size();
  }

  static long count(Survey.Measured b, Set<Kind> kinds) {
    List<Placement> p = b.placements().get(ArchiveMeasurer.JUDGE);
    return p == null ? 0 : p.stream().filter(x -> kinds.contains(x.kind())).count();
  }

  /** Share of images whose kind is the same in the judging and the check space, over all the batches. */
  public static double agreement(List<Survey.Measured> batches) {
    double same = 0;
    int all = 0;
    for (Survey.Measured b : batches) {
      double a = RegimeFigures.agreement(b);
      if (!Double.isNaN(a)) {
        same += a * b.size();
        all += b.size();
      }
    }
    return all == 0 ? Double.NaN : same / all;
  }

  private static double pruned(Survey.Measured b) {
    BatchMeasures m = b.row().in(ArchiveMeasurer.JUDGE);
    return m == null ? Double.NaN : m.prunedPrecision();
  }

  /** Three decimals, "n/a" for NaN, and no "-0.000" for a value that rounds to zero. */
  static String f(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", Math.abs(v) < 5e-4 ? 0.0 : v);
  }
}

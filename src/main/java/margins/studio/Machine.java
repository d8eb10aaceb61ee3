package margins.studio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * When the machine interrupts, as pure rules over the exploration's events and a clock: it speaks only at
 * breakpoints, only when its voice's rounds and seconds have passed since its last interruption was answered (each
 * dismissal in a row doubling both, a keep resetting them), never while an offer is pending. Triggers the artist
 * seldom accepts (smoothed rate under {@link #LOW_RATE}) need twice the rounds; when several fire, the one accepted
 * most often speaks. A trigger only looks at what happened since it last fired.
 */
public final class Machine {

  /** A rule that fired, with its reason in words and its figures. */
  public record Fired(Trigger trigger, String reason, Map<String, Object> figures) {}

  /** Keeps that converge: this many ... */
  public static final int CONVERGE_KEEPS = 3;
  /** ... lying within this fraction of the mean distance between random mimetic samples. */
  public static final double CONVERGE_FACTOR = 0.5;
  public static final int SAME_KIND_KEEPS = 10;
  public static final int REJECTED_GRIDS = 3;
  public static final long WALK_MS = 60_000;
  public static final double LOW_RATE = 0.25;

  private record Keep(String tile, String kind) {}

  private record Grid(String id, boolean kept) {}

  private Voice voice;
  private final double baseline;
  private long quietSince;
  private int rounds;
  private int dismissals;
  private Offer pending;
  private final Rates rates = new Rates();
  private final List<Keep> keeps = new ArrayList<>();
  private final List<Grid> grids = new ArrayList<>();
  private final Map<Trigger, Integer> keepMark = new EnumMap<>(Trigger.class);
  private final Map<Trigger, Integer> gridMark = new EnumMap<>(Trigger.class);
  private final Map<Trigger, Long> lastFired = new EnumMap<>(Trigger.class);

  /**
   * @param voice how often it may speak
   * @param baseline the mean distance between random mimetic samples, in the space features are given in
   * @param began when the exploration began
   */
  public Machine(Voice voice, double baseline, long began) {
    this.voice = voice;
    this.baseline = baseline;
    this.quietSince = began;
  }

  /** The exploration began: the gap before the first interruption counts from then. */
  public void began(long at) {
    quietSince = at;
  }

  public void voice(Voice v) {
    voice = v;
  }

  public Voice voice() {
    return voice;
  }

  public Rates rates() {
    return rates;
  }

  public Optional<Offer> pending() {
    return Optional.ofNullable(pending);
  }

  /** A breakpoint: a grid was delivered. */
  public void gridDelivered(String grid) {
    rounds++;
    grids.add(new Grid(grid, false));
  }

  /** A breakpoint: a tile was kept. */
  public void kept(String tile, String kind, String grid) {
    rounds++;
    keeps.add(new Keep(tile, kind));
    for (int i = grids.size() - 1; i >= 0; i--) {
      if (grids.get(i).id().equals(grid)) {
        grids.set(i, new Grid(grid, true));
        break;
      }
    }
  }

  /** A breakpoint: the walk was paused. */
  public void walkPaused() {
    rounds++;
  }

  /** The machine made an offer (from a rule, or because the artist asked). */
  public void offered(Offer o) {
    Trigger t = Trigger.byId(o.trigger());
    pending = o;
    rounds = 0;
    keepMark.put(t, keeps.size());
    gridMark.put(t, grids.size());
    lastFired.put(t, o.at());
    rates.offered(o.trigger(), o.samplers());
  }

  /** The artist answered the pending offer: keep resets the gap, dismiss doubles it, not now leaves it. */
  public void answered(Answer a) {
    if (pending == null || !pending.id().equals(a.offer())) {
      return;
    }
    if (a.answer().equals(Answer.KEEP)) {
      rates.kept(pending.trigger(), pending.samplers());
      dismissals = 0;
    } else if (a.answer().equals(Answer.DISMISS)) {
      dismissals++;
    }
    quietSince = a.at();
    rounds = 0;
    pending = null;
  }

  public void resetRates() {
    rates.reset();
  }

  /** The gap now: rounds and seconds (doubled per dismissal in a row). */
  public Map<String, Object> gap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rounds", voice.rounds() << dismissals);
    m.put("seconds", (long) voice.seconds() << dismissals);
    m.put("dismissals", dismissals);
    m.put("roundsSince", rounds);
    m.put("quietSince", quietSince);
    return m;
  }

  private boolean timely(Trigger t, long now, boolean countRounds) {
    int need = (voice.rounds() << dismissals) * (rates.trigger(t.id()) < LOW_RATE ? 2 : 1);
    long ms = ((long) voice.seconds() * 1000) << dismissals;
    return pending == null && (!countRounds || rounds >= need) && now - quietSince >= ms;
  }

  /** At a breakpoint (a grid delivered, a keep, a paused walk): the rule that speaks now, if any. */
  public Optional<Fired> atBreakpoint(long now, Function<List<String>, float[][]> features) {
    List<Trigger> order = new ArrayList<>(List.of(Trigger.CONVERGE, Trigger.SAME_KIND, Trigger.REJECTED_GRIDS));
    order.sort(Comparator.comparingDouble((Trigger t) -> -rates.trigger(t.id())));
    for (Trigger t : order) {
      if (!timely(t, now, true)) {
        continue;
      }
      Optional<Fired> f = switch (t) {
        case CONVERGE -> converge(features);
        case SAME_KIND -> sameKind();
        default -> rejectedGrids();
      };
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** While a walk plays: speaks when it has run a minute since the artist last touched it (time gap only). */
  public Optional<Fired> walkUnattended(long attendedAt, long now) {
    long alone = now - attendedAt;
    if (alone < WALK_MS || lastFired.getOrDefault(Trigger.WALK_MINUTE, Long.MIN_VALUE) >= attendedAt
        || !timely(Trigger.WALK_MINUTE, now, false)) {
      return Optional.empty();
    }
    long s = alone / 1000;
    return Optional.of(new Fired(Trigger.WALK_MINUTE, String.format(Locale.ROOT,
        "the walk has run %d min %02d s without you", s / 60, s % 60), Map.of("seconds", s)));
  }

  /** "Ask the machine": it answers at once, whatever the timing. */
  public Fired asked() {
    return new Fired(Trigger.ASKED, "you asked", Map.of());
  }

  private Optional<Fired> converge(Function<List<String>, float[][]> features) {
    List<Keep> since = keeps.subList(keepMark.getOrDefault(Trigger.CONVERGE, 0), keeps.size());
    if (since.size() < CONVERGE_KEEPS || !(baseline > 0)) {
      return Optional.empty();
    }
    List<String> last = since.subList(since.size() - CONVERGE_KEEPS, since.size()).stream().map(Keep::tile).toList();
    double spread = diameter(features.apply(last));
    if (!(spread < CONVERGE_FACTOR * baseline)) {
      return Optional.empty();
    }
    Map<String, Object> fig = new LinkedHashMap<>();
    fig.put("keeps", CONVERGE_KEEPS);
    fig.put("spread", round(spread));
    fig.put("baseline", round(baseline));
    return Optional.of(new Fired(Trigger.CONVERGE, String.format(Locale.ROOT,
        "your last %d keeps lie within %.2f of each other; random mimetic samples lie %.2f apart",
        CONVERGE_KEEPS, spread, baseline), fig));
  }

  private Optional<Fired> sameKind() {
    List<Keep> since = keeps.subList(keepMark.getOrDefault(Trigger.SAME_KIND, 0), keeps.size());
    if (since.size() < SAME_KIND_KEEPS) {
      return Optional.empty();
    }
    List<Keep> last = since.subList(since.size() - SAME_KIND_KEEPS, since.size());
    String kind = last.get(0).kind();
    if (kind == null || !last.stream().allMatch(k -> kind.equals(k.kind()))) {
      return Optional.empty();
    }
    return Optional.of(new Fired(Trigger.SAME_KIND, "your last " + SAME_KIND_KEEPS + " keeps are all " + kind,
        Map.of("keeps", SAME_KIND_KEEPS, "kind", kind)));
  }

  private Optional<Fired> rejectedGrids() {
    // A grid is passed over when a later one came and it had no keep; the newest is still being looked at.
    List<Grid> since = grids.subList(gridMark.getOrDefault(Trigger.REJECTED_GRIDS, 0), grids.size());
    int run = 0;
    for (int i = since.size() - 2; i >= 0 && !since.get(i).kept(); i--) {
      run++;
    }
    if (run < REJECTED_GRIDS) {
      return Optional.empty();
    }
    return Optional.of(new Fired(Trigger.REJECTED_GRIDS, "the last " + run + " grids went by without a keep",
        Map.of("grids", run)));
  }

  /** The largest distance between two of the points. */
  static double diameter(float[][] points) {
    double d = 0;
    for (int i = 0; i < points.length; i++) {
      for (int j = i + 1; j < points.length; j++) {
        d = Math.max(d, Math.sqrt(margins.math.VectorMath.squaredDistance(points[i], points[j])));
      }
    }
    return d;
  }

  /** The mean distance between two of the points. */
  static double meanDistance(float[][] points) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < points.length; i++) {
      for (int j = i + 1; j < points.length; j++) {
        s += Math.sqrt(margins.math.VectorMath.squaredDistance(points[i], points[j]));
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

package margins.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import margins.math.VectorMath;
import margins.recipe.Draw;
import margins.sample.Sampler;
import margins.sample.SamplerParams;
import margins.sample.Samplers;

/**
 * The machine's side of the conversation: at a breakpoint it asks the rules ({@link Machine}) whether to speak, and
 * if so makes its offer: tiles found by a constrained novelty search among the alien samplers (far from everything
 * the exploration has shown, never noise by the measure), another sampler, or marks on a walk's timeline (made by
 * the live walk). Every offer and answer is recorded.
 */
final class Interruptions {

  /** Candidates the novelty search measures per round, and its rounds at most. */
  static final int CANDIDATES = 9;
  static final int ROUNDS = 3;

  private final Studio studio;
  private final Map<String, AtomicBoolean> speaking = new ConcurrentHashMap<>();

  Interruptions(Studio studio) {
    this.studio = studio;
  }

  /** At a breakpoint: the offer's view when a rule fires, else null. Off the worker, a busy worker means silence. */
  Map<String, Object> atBreakpoint(Exploration x, boolean onWorker) {
    AtomicBoolean lock = speaking.computeIfAbsent(x.id(), k -> new AtomicBoolean());
    if (!lock.compareAndSet(false, true)) {
      return null;
    }
    try {
      long now = studio.now();
      Optional<Machine.Fired> f = x.machine().atBreakpoint(now, ids -> studio.maker().features(x, ids));
      if (f.isEmpty()) {
        return null;
      }
      if (onWorker) {
        return speak(x, f.get());
      }
      try {
        return studio.worker().run(null, () -> speak(x, f.get()));
      } catch (Busy b) {
        return null;
      }
    } finally {
      lock.set(false);
    }
  }

  /** 'Ask the machine': an offer of tiles at once. */
  Map<String, Object> ask(Exploration x, String job) {
    if (x.machine().pending().isPresent()) {
      return view(x, x.machine().pending().get());
    }
    return studio.worker().run(job, () -> speak(x, x.machine().asked()));
  }

  /** Records the artist's answer; a kept sampler becomes the grid's sampler, kept tiles are kept. */
  Map<String, Object> answer(Exploration x, String offerId, String answer) {
    Ids.check(Ids.OFFER, offerId, "an offer id");
    String a = Answer.parse(answer);
    Offer o = x.offer(offerId).orElseThrow(() -> new NotFound("no offer " + offerId + " in " + x.id()));
    long at = studio.now();
    x.record(studio.journal(), seq -> new Answer(seq, at, offerId, a));
    if (a.equals(Answer.KEEP) && o.kind().equals(Offer.TILES)) {
      for (String t : o.tiles()) {
        x.record(studio.journal(), seq -> new Act(seq, at, "keep", Act.HUMAN, Map.of("tile", t, "offer", offerId)));
      }
    } else if (a.equals(Answer.KEEP) && o.kind().equals(Offer.SAMPLER)) {
      x.record(studio.journal(), seq -> new Act(seq, at, "settings", Act.HUMAN,
          Map.of("sampler", o.samplers().get(0), "offer", offerId)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offer", offerId);
    out.put("answer", a);
    out.put("kept", a.equals(Answer.KEEP) ? o.tiles() : List.of());
    out.put("rates", x.machine().rates().view());
    out.put("gap", x.machine().gap());
    return out;
  }

  /** Records an offer of marks on a walk's timeline (the live walk chose the frames). */
  Map<String, Object> marks(Exploration x, Machine.Fired f, String walk, List<Integer> frames) {
    String id = x.next('o');
    long at = studio.now();
    Offer o = x.record(studio.journal(), seq -> new Offer(seq, at, id, f.trigger().id(), f.reason(), f.figures(),
        Offer.MARKS, List.of(), frames, List.of(), walk));
    return view(x, o);
  }

  private Map<String, Object> speak(Exploration x, Machine.Fired f) {
    String id = x.next('o');
    long at = studio.now();
    if (f.trigger().offers().equals(Offer.SAMPLER)) {
      String s = otherSampler(x, at);
      Offer o = x.record(studio.journal(), seq -> new Offer(seq, at, id, f.trigger().id(), f.reason() + "; try "
          + s, f.figures(), Offer.SAMPLER, List.of(), List.of(), List.of(s), null));
      return view(x, o);
    }
    List<Tile> tiles = novelTiles(x, id, at);
    Offer o = x.record(studio.journal(), seq -> new Offer(seq, at, id, f.trigger().id(), f.reason(), f.figures(),
        Offer.TILES, tiles.stream().map(Tile::id).toList(), List.of(), tiles.stream().map(Tile::sampler).toList(),
        null));
    return view(x, o);
  }

  /** 2 or 3 tiles from the alien samplers, far from all the exploration has shown and from each other, not noise. */
  private List<Tile> novelTiles(Exploration x, String offer, long seed) {
    List<String> shownIds = x.tiles().stream().map(Tile::id).toList();
    List<float[]> shown = new ArrayList<>(List.of(studio.maker().features(x, shownIds)));
    Random r = new Random(seed ^ offer.hashCode());
    List<Maker.Made> picked = new ArrayList<>();
    List<String> from = new ArrayList<>();
    for (int round = 0; round < ROUNDS && picked.size() < 3; round++) {
      Map<String, List<Long>> bySampler = new LinkedHashMap<>();
      for (int i = 0; i < CANDIDATES; i++) {
        bySampler.computeIfAbsent(pick(x, r), k -> new ArrayList<>()).add(x.seeds(1));
      }
      List<Maker.Made> candidates = new ArrayList<>();
      List<String> samplerOf = new ArrayList<>();
      for (var e : bySampler.entrySet()) {
        Sampler s = Samplers.byId(e.getKey());
        List<Draw> draws = s.draw(studio.context().withParams(new SamplerParams(Dial.ALIEN.get(e.getKey()))),
            e.getValue());
        for (Maker.Made m : studio.maker().make(draws)) {
          if (!"noise".equals(m.kind())) {
            candidates.add(m);
            samplerOf.add(s.id());
          }
        }
      }
      while (picked.size() < 3 && !candidates.isEmpty()) {
        int best = farthest(candidates, shown);
        picked.add(candidates.remove(best));
        from.add(samplerOf.remove(best));
        shown.add(picked.get(picked.size() - 1).feature());
      }
    }
    List<Tile> out = new ArrayList<>();
    for (int i = 0; i < picked.size(); i++) {
      out.add(studio.maker().write(x, picked.get(i), new Maker.Spec(offer, "sample", Act.MACHINE, List.of(),
          from.get(i), null)));
    }
    return out;
  }

  /** An alien sampler, drawn with probability proportional to its acceptance rate. */
  private static String pick(Exploration x, Random r) {
    List<String> ids = new ArrayList<>(Dial.ALIEN.keySet());
    double total = ids.stream().mapToDouble(id -> x.machine().rates().sampler(id)).sum();
    double u = r.nextDouble() * total;
    for (String id : ids) {
      u -= x.machine().rates().sampler(id);
      if (u <= 0) {
        return id;
      }
    }
    return ids.get(ids.size() - 1);
  }

  /** The candidate whose nearest shown image is farthest. */
  private static int farthest(List<Maker.Made> candidates, List<float[]> shown) {
    int best = 0;
    double bestD = -1;
    for (int i = 0; i < candidates.size(); i++) {
      double d = VectorMath.nearestSquaredDistance(candidates.get(i).feature(), shown);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  /** Another sampler than the grid's: the best accepted so far, ties broken by a draw seeded with the time. */
  private String otherSampler(Exploration x, long seed) {
    boolean density = studio.model().density() != null;
    String now = Proposals.sampler(x, density).getKey();
    List<String> ids = new ArrayList<>(Samplers.usable(density).stream().map(Sampler::id)
        .filter(s -> !s.equals(now)).toList());
    java.util.Collections.shuffle(ids, new Random(seed));
    ids.sort(java.util.Comparator.comparingDouble((String s) -> -x.machine().rates().sampler(s)));
    return ids.get(0);
  }

  /** What the page shows of an offer: the offer and its tiles. */
  static Map<String, Object> view(Exploration x, Offer o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("trigger", o.trigger());
    m.put("reason", o.reason());
    m.put("figures", o.figures());
    m.put("kind", o.kind());
    m.put("tiles", o.tiles().stream().map(t -> x.tile(t).map(Tile::view).orElse(null)).toList());
    m.put("marks", o.marks());
    m.put("samplers", o.samplers());
    m.put("walk", o.walk());
    return m;
  }
}

package margins.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * One exploration's state, rebuilt from its record by applying each entry in order: its tiles, the grids they came
 * in, what was kept, rejected and chosen as parents, its settings, the machine's offers and the rules' state. Live,
 * every change is an entry: {@link #record} writes it to the journal first, then applies it, under the exploration's
 * lock, so what the page sees is what a reopened exploration will see.
 */
public final class Exploration {

  private final String id;
  private final Machine machine;
  private final Map<String, Tile> tiles = new LinkedHashMap<>();
  private final Map<String, List<String>> grids = new LinkedHashMap<>();
  private final Map<String, String> gridSources = new LinkedHashMap<>();
  private final Set<String> kept = new LinkedHashSet<>();
  private final Set<String> rejected = new LinkedHashSet<>();
  private final Set<String> parents = new LinkedHashSet<>();
  private final Map<String, Offer> offers = new LinkedHashMap<>();
  private final Map<String, String> answers = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Map<String, float[]> features = new ConcurrentHashMap<>();
  private String currentGrid;
  private String open;
  private long seq;
  private long began;
  private String model = "?";
  private long nextSeed;
  private int walks;
  private final Map<Character, Integer> numbers = new java.util.HashMap<>();

  /**
   * @param baseline the mean distance between random mimetic samples (see {@link Machine})
   * @param voice the machine's voice until the exploration sets its own
   */
  Exploration(String id, double baseline, Voice voice) {
    this.id = id;
    this.machine = new Machine(voice, baseline, 0);
    this.nextSeed = (id.hashCode() & 0x7fffffffL) % 1_000_000L * 1000L;
    settings.put("dial", Dial.DEFAULT);
    settings.put("voice", voice.id());
    settings.put("mutation", 0.5);
  }

  /** Rebuilt from its entries. */
  static Exploration replay(String id, List<Entry> entries, double baseline, Voice voice) {
    Exploration x = new Exploration(id, baseline, voice);
    for (Entry e : entries) {
      x.apply(e);
    }
    return x;
  }

  /** Makes the next entry (given its sequence number), writes it to the journal, then applies it. */
  public synchronized <T extends Entry> T record(Journal journal, LongFunction<T> make) {
    T e = make.apply(seq);
    if (e instanceof Begin b) {
      journal.begin(b);
    } else if (e instanceof Act a) {
      journal.act(id, a);
    } else if (e instanceof Tile t) {
      journal.item(id, t);
    } else if (e instanceof Offer o) {
      journal.offer(id, o);
    } else if (e instanceof Answer a) {
      journal.answer(id, a);
    }
    apply(e);
    return e;
  }

  synchronized void apply(Entry e) {
    seq = Math.max(seq, e.seq() + 1);
    if (e instanceof Begin b) {
      began = b.at();
      model = b.model();
      machine.began(b.at());
    } else if (e instanceof Tile t) {
      tiles.put(t.id(), t);
      saw(t.id());
    } else if (e instanceof Act a) {
      act(a);
    } else if (e instanceof Offer o) {
      offers.put(o.id(), o);
      saw(o.id());
      machine.offered(o);
    } else if (e instanceof Answer a) {
      answers.put(a.offer(), a.answer());
      machine.answered(a);
    }
  }

  private void act(Act a) {
    String tile = a.text("tile");
    switch (a.act()) {
      case "grid" -> {
        String g = a.text("grid");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) a.data().getOrDefault("tiles", List.of());
        grids.put(g, List.copyOf(ids));
        saw(g);
        gridSources.put(g, a.text("source"));
        currentGrid = g;
        if (a.data().get("seed") instanceof Number s) {
          nextSeed = Math.max(nextSeed, s.longValue() + ids.size());
        }
        machine.gridDelivered(g);
      }
      case "keep" -> {
        if (kept.add(tile)) {
          rejected.remove(tile);
          Tile t = tiles.get(tile);
          machine.kept(tile, t == null ? null : t.kind(), t == null ? null : t.grid());
        }
      }
      case "reject" -> {
        rejected.add(tile);
        kept.remove(tile);
        parents.remove(tile);
      }
      case "parent" -> {
        if (Boolean.TRUE.equals(a.data().get("on"))) {
          parents.add(tile);
        } else {
          parents.remove(tile);
        }
      }
      case "open" -> open = tile;
      case "pause" -> machine.walkPaused();
      case "walk" -> {
        walks++;
        saw(a.text("walk"));
      }
      case "settings" -> {
        settings.putAll(a.data());
        if (a.data().containsKey("voice")) {
          machine.voice(Voice.parse(a.text("voice")));
        }
      }
      case "reset-rates" -> machine.resetRates();
      default -> {
        // Recorded for the history (breed, edit, bend, grab, branch, drop, cancel, reopen): no state of its own.
      }
    }
    if (a.data().get("seed") instanceof Number s && !a.act().equals("grid")) {
      nextSeed = Math.max(nextSeed, s.longValue() + 1);
    }
  }

  public String id() {
    return id;
  }

  /** A new id with this prefix: t (tile), g (grid), o (offer), w (walk). */
  public synchronized String next(char prefix) {
    int n = numbers.getOrDefault(prefix, 0);
    numbers.put(prefix, n + 1);
    return prefix + Integer.toString(n);
  }

  private void saw(String ref) {
    if (ref != null && ref.length() > 1 && ref.substring(1).chars().allMatch(Character::isDigit)) {
      numbers.merge(ref.charAt(0), Integer.parseInt(ref.substring(1)) + 1, Math::max);
    }
  }

  public Machine machine() {
    return machine;
  }

  public synchronized Optional<Tile> tile(String tileId) {
    return Optional.ofNullable(tiles.get(tileId));
  }

  public synchronized List<Tile> tiles() {
    return List.copyOf(tiles.values());
  }

  public synchronized List<String> kept() {
    return List.copyOf(kept);
  }

  public synchronized List<String> parents() {
    return List.copyOf(parents);
  }

  public synchronized Optional<Offer> offer(String offerId) {
    return Optional.ofNullable(offers.get(offerId));
  }

  public synchronized int offerCount() {
    return offers.size();
  }

  public synchronized int gridCount() {
    return grids.size();
  }

  public synchronized int walkCount() {
    return walks;
  }

  public synchronized long began() {
    return began;
  }

  public synchronized Object setting(String key) {
    return settings.get(key);
  }

  /** Seeds not used yet in this exploration: n of them, reserved. */
  public synchronized long seeds(int n) {
    long s = nextSeed;
    nextSeed += n;
    return s;
  }

  /** The next tile number. */
  public synchronized int tileCount() {
    return tiles.size();
  }

  /** Cached features of tiles in the judging space (not recorded: computed again from the PNGs on reopening). */
  Map<String, float[]> features() {
    return features;
  }

  /** What the page needs to show the exploration as it was left. */
  public synchronized Map<String, Object> view() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("model", model);
    m.put("began", began);
    m.put("settings", new LinkedHashMap<>(settings));
    List<Object> ts = new ArrayList<>();
    tiles.values().forEach(t -> ts.add(t.view()));
    m.put("tiles", ts);
    List<Object> gs = new ArrayList<>();
    grids.forEach((g, ids) -> gs.add(Map.of("id", g, "tiles", ids, "source", String.valueOf(gridSources.get(g)))));
    m.put("grids", gs);
    m.put("grid", currentGrid);
    m.put("kept", List.copyOf(kept));
    m.put("rejected", List.copyOf(rejected));
    m.put("parents", List.copyOf(parents));
    m.put("open", open);
    m.put("offer", machine.pending().orElse(null));
    m.put("answers", new LinkedHashMap<>(answers));
    m.put("rates", machine.rates().view());
    m.put("gap", machine.gap());
    return m;
  }
}

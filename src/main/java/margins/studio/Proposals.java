package margins.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.recipe.Draw;
import margins.sample.Sampler;
import margins.sample.SamplerParams;
import margins.sample.Samplers;
import margins.sample.Source;

/**
 * The grids: what the machine proposes at the dial's stop, children of chosen parents, a branch from any tile of
 * this exploration or an earlier one, and variations of a dropped image. Each runs as one job on the worker, writes
 * its tiles, records the grid, then gives the machine its breakpoint.
 */
final class Proposals {

  /** Tiles in a grid. */
  static final int GRID = 12;

  private final Studio studio;
  private final Interruptions machine;
  private float[] spread;

  Proposals(Studio studio, Interruptions machine) {
    this.studio = studio;
    this.machine = machine;
  }

  /** The sampler and parameters of a grid: the offered sampler the artist kept, else the dial's stop. */
  static Map.Entry<String, Map<String, String>> sampler(Exploration x, boolean density) {
    Object chosen = x.setting("sampler");
    if (chosen != null && !chosen.toString().isEmpty()) {
      String id = chosen.toString();
      Map<String, String> p = Dial.ALIEN.containsKey(id) ? Dial.ALIEN.get(id)
          : Dial.STOPS.stream().filter(d -> d.sampler().equals(id)).map(Dial::params).findFirst().orElse(Map.of());
      return Map.entry(id, p);
    }
    Dial d = Dial.byId(String.valueOf(x.setting("dial")), density);
    return Map.entry(d.sampler(), d.params());
  }

  Map<String, Object> propose(Exploration x, String job) {
    var choice = sampler(x, studio.model().density() != null);
    Sampler s = Samplers.byId(choice.getKey());
    long seed = x.seeds(GRID);
    return studio.worker().run(job, () -> {
      List<Draw> draws = s.draw(studio.context().withParams(new SamplerParams(choice.getValue())), seeds(seed, GRID));
      List<Maker.Made> made = studio.maker().make(draws);
      Map<String, Object> data = data("propose", seed);
      data.put("dial", x.setting("dial"));
      data.put("sampler", s.id());
      return deliver(x, made, new Maker.Spec(null, "sample", Act.MACHINE, List.of(), s.id(), s.regime()), data);
    });
  }

  Map<String, Object> breed(Exploration x, String job, List<String> parentIds, double mutation, Long given) {
    List<String> ids = !parentIds.isEmpty() ? parentIds : !x.parents().isEmpty() ? x.parents() : last(x.kept(), 4);
    List<Tile> parents = new ArrayList<>();
    for (String id : ids) {
      Ids.check(Ids.TILE, id, "a tile id");
      parents.add(x.tile(id).orElseThrow(() -> new NotFound("no tile " + id + " in " + x.id())));
    }
    long seed = given != null ? given : x.seeds(GRID);
    List<Breeding.Child> children = Breeding.children(parents, mutation, seed, GRID, spread(), "mutate");
    return studio.worker().run(job, () -> {
      Map<String, Object> data = data("breed", seed);
      data.put("parents", ids);
      data.put("mutation", mutation);
      return deliverChildren(x, children, data);
    });
  }

  /** A grid of mutations of a tile of this exploration ("t3") or an earlier one ("&lt;exploration&gt;/t3"). */
  Map<String, Object> branch(Exploration x, String job, String ref, double mutation) {
    int slash = ref.indexOf('/');
    Exploration owner = slash < 0 ? x : studio.exploration(ref.substring(0, slash));
    String id = Ids.check(Ids.TILE, slash < 0 ? ref : ref.substring(slash + 1), "a tile id");
    Tile tile = owner.tile(id).orElseThrow(() -> new NotFound("no tile " + ref));
    long seed = x.seeds(GRID);
    List<Breeding.Child> children = new ArrayList<>();
    for (Breeding.Child c : Breeding.children(List.of(tile), mutation, seed, GRID, spread(), "branch")) {
      children.add(new Breeding.Child(c.draw(), "branch", List.of(ref)));
    }
    return studio.worker().run(job, () -> {
      Map<String, Object> data = data("branch", seed);
      data.put("from", ref);
      data.put("mutation", mutation);
      return deliverChildren(x, children, data);
    });
  }

  /** Variations of a dropped image, already checked and saved, at the dial's stop. */
  Map<String, Object> vary(Exploration x, String job, Uploads.Saved upload) {
    Dial d = Dial.byId(String.valueOf(x.setting("dial")));
    Sampler s = Samplers.byId(d.vary());
    long seed = x.seeds(GRID);
    return studio.worker().run(job, () -> {
      Source src = Uploads.encode(studio, upload);
      List<Draw> draws = s.draw(studio.context().withParams(new SamplerParams(d.varyParams())).withSource(src),
          seeds(seed, GRID));
      List<Maker.Made> made = studio.maker().make(draws);
      Map<String, Object> data = data("drop", seed);
      data.put("upload", upload.sha256());
      data.put("name", upload.name());
      data.put("sampler", s.id());
      return deliver(x, made, new Maker.Spec(null, "vary", Act.MACHINE, List.of("upload:" + upload.sha256()),
          s.id(), s.regime()), data);
    });
  }

  private Map<String, Object> deliverChildren(Exploration x, List<Breeding.Child> children, Map<String, Object> data) {
    List<Maker.Made> made = studio.maker().make(children.stream().map(Breeding.Child::draw).toList());
    String grid = x.next('g');
    List<Tile> tiles = new ArrayList<>();
    for (int i = 0; i < made.size(); i++) {
      Breeding.Child c = children.get(i);
      tiles.add(studio.maker().write(x, made.get(i), new Maker.Spec(grid, c.origin(), Act.MACHINE, c.parents(),
          c.origin(), null)));
    }
    return record(x, grid, tiles, data);
  }

  /** Writes the tiles of a grid as the template says (archive parents added from each draw) and records it. */
  private Map<String, Object> deliver(Exploration x, List<Maker.Made> made, Maker.Spec s, Map<String, Object> data) {
    String grid = x.next('g');
    List<Tile> tiles = new ArrayList<>();
    for (Maker.Made m : made) {
      List<String> parents = new ArrayList<>(s.parents());
      m.draw().parents().stream().filter(p -> p.startsWith("archive:")).forEach(parents::add);
      tiles.add(studio.maker().write(x, m, new Maker.Spec(grid, s.origin(), s.actor(), parents, s.sampler(),
          s.regime())));
    }
    return record(x, grid, tiles, data);
  }

  private Map<String, Object> record(Exploration x, String grid, List<Tile> tiles, Map<String, Object> data) {
    data.put("grid", grid);
    data.put("tiles", tiles.stream().map(Tile::id).toList());
    long at = studio.now();
    x.record(studio.journal(), seq -> new Act(seq, at, "grid", Act.MACHINE, data));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("grid", grid);
    out.put("seed", data.get("seed"));
    out.put("source", data.get("source"));
    out.put("tiles", tiles.stream().map(Tile::view).toList());
    out.put("interruption", machine.atBreakpoint(x, true));
    return out;
  }

  private static Map<String, Object> data(String source, long seed) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    d.put("seed", seed);
    return d;
  }

  static List<Long> seeds(long first, int n) {
    List<Long> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add(first + i);
    }
    return s;
  }

  private static List<String> last(List<String> ids, int n) {
    if (ids.isEmpty()) {
      throw new BadParameter("nothing to breed from yet: keep a tile, or mark one 'use as parent'");
    }
    return ids.subList(Math.max(0, ids.size() - n), ids.size());
  }

  synchronized float[] spread() {
    if (spread == null) {
      spread = Breeding.spread(studio.context().codes().means());
    }
    return spread;
  }
}

package margins.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lineage the page draws: the tiles of this exploration that matter (kept, chosen as parents, made by breeding,
 * editing, bending, grabbing or branching, and their ancestors) and the kept tiles of earlier explorations, with an
 * edge to each parent (both parents of a crossover), each node saying who decided it.
 */
final class LineageGraph {

  /** Nodes of the open exploration at most, and of each earlier one. */
  static final int MAX_NODES = 300;
  static final int MAX_EARLIER = 40;
  static final int EARLIER = 4;

  private LineageGraph() {}

  static Map<String, Object> of(Studio studio, Exploration x) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    add(x, MAX_NODES, true, nodes, edges, seen);
    int earlier = 0;
    for (Journal.Summary s : studio.journal().explorations()) {
      if (s.id().equals(x.id()) || s.kept() == 0 || earlier >= EARLIER) {
        continue;
      }
      try {
        add(studio.exploration(s.id()), MAX_EARLIER, false, nodes, edges, seen);
        earlier++;
      } catch (RuntimeException e) {
        // An exploration of another model: not drawn.
      }
    }
    return Map.of("nodes", nodes, "edges", edges);
  }

  private static void add(Exploration x, int max, boolean current, List<Map<String, Object>> nodes,
      List<Map<String, Object>> edges, Set<String> seen) {
    Set<String> kept = new HashSet<>(x.kept());
    Set<String> parents = new HashSet<>(x.parents());
    Set<String> wanted = new HashSet<>();
    List<Tile> tiles = x.tiles();
    for (Tile t : tiles) {
      boolean made = !t.origin().equals("sample") && !t.origin().equals("vary");
      if (kept.contains(t.id()) || parents.contains(t.id()) || current && made) {
        wanted.add(t.id());
      }
    }
    // Ancestors within the exploration, so every drawn node's line is whole.
    Map<String, Tile> byId = new LinkedHashMap<>();
    tiles.forEach(t -> byId.put(t.id(), t));
    List<String> stack = new ArrayList<>(wanted);
    while (!stack.isEmpty()) {
      Tile t = byId.get(stack.remove(stack.size() - 1));
      for (String p : t == null ? List.<String>of() : t.parents()) {
        if (byId.containsKey(p) && wanted.add(p)) {
          stack.add(p);
        }
      }
    }
    List<Tile> chosen = tiles.stream().filter(t -> wanted.contains(t.id())).toList();
    chosen = chosen.subList(Math.max(0, chosen.size() - max), chosen.size());
    for (Tile t : chosen) {
      String id = x.id() + "/" + t.id();
      if (!seen.add(id)) {
        continue;
      }
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", id);
      n.put("exploration", x.id());
      n.put("tile", t.id());
      n.put("origin", t.origin());
      n.put("actor", t.actor());
      n.put("kind", t.kind());
      n.put("kept", kept.contains(t.id()));
      n.put("current", current);
      nodes.add(n);
      for (String p : t.parents()) {
        if (p.startsWith("archive:") || p.startsWith("upload:")) {
          continue;
        }
        String from = p.contains("/") ? p : x.id() + "/" + p;
        edges.add(Map.of("from", from, "to", id, "kind", t.origin()));
      }
    }
  }
}

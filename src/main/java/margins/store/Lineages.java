package margins.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.recipe.Recipe;

/**
 * The lineage a recipe gives on its own, so a rebuild from the PNGs finds it again: its parents ("archive:N",
 * "file:PATH" with the "sha256:H" that follows it, "seed:N"; a walk frame's are its walk's endpoints), or its
 * checkpoint when it has none, with the kind its recipe implies: params.edge when set, else walk frames
 * walk-grab, bends bend, an outside file vary, the rest sample. params.creator ("human") names who decided it.
 */
public final class Lineages {

  /** The node a parentless item hangs from: its checkpoint, by hash. */
  public static final String CHECKPOINT = "checkpoint:";

  private Lineages() {}

  /** The edges this recipe gives. */
  public static List<Edge> of(Recipe r) {
    EdgeKind kind = kind(r);
    List<String> refs = parents(r);
    List<Edge> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      String p = refs.get(i);
      String next = i + 1 < refs.size() ? refs.get(i + 1) : null;
      if (p.startsWith("file:") && next != null && next.startsWith("sha256:")) {
        out.add(new Edge(p, next.substring("sha256:".length()), kind));
        i++;
      } else if (p.startsWith("sha256:")) {
        out.add(new Edge(p, p.substring("sha256:".length()), kind));
      } else if (!p.equals("walk.json")) {
        out.add(Edge.of(p, kind));
      }
    }
    if (out.isEmpty() && r.checkpointSha256() != null) {
      out.add(Edge.of(CHECKPOINT + r.checkpointSha256(), kind));
    }
    return out;
  }

  /** Who decided it, as its recipe says (params.creator), else the machine. */
  public static Creator creator(Recipe r) {
    Object c = r.params().get("creator");
    return c != null && c.toString().equals(Creator.HUMAN.id()) ? Creator.HUMAN : Creator.MACHINE;
  }

  static EdgeKind kind(Recipe r) {
    Object e = r.params().get("edge");
    if (e != null) {
      try {
        return EdgeKind.parse(e.toString());
      } catch (IllegalArgumentException ignored) {
        // Not one of ours: fall back on what the sampler implies.
      }
    }
    String s = r.sampler() == null ? "" : r.sampler();
    if (s.equals("walk")) {
      return EdgeKind.WALK_GRAB;
    }
    if (s.equals("bend")) {
      return EdgeKind.BEND;
    }
    return r.parents().stream().anyMatch(p -> p.startsWith("file:")) ? EdgeKind.VARY : EdgeKind.SAMPLE;
  }

  private static List<String> parents(Recipe r) {
    if ("walk".equals(r.sampler()) && r.params().get("walk") instanceof Map<?, ?> walk
        && walk.get("parents") instanceof List<?> endpoints && !endpoints.isEmpty()) {
      return endpoints.stream().map(Object::toString).toList();
    }
    return r.parents();
  }
}

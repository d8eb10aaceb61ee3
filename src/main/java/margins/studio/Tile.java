package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An image of an exploration (an item): its PNG, with its recipe inside, lies at {@code file} in the exploration's
 * folder.
 *
 * @param id "t12"
 * @param grid the grid, offer or walk it came in ("g3", "o2", "w1"), or null for a single edit
 * @param origin how it came from its parents, an edge kind: sample, vary, mutate, crossover, gene-edit, bend,
 *     walk-grab, inject, branch
 * @param actor who decided it: "machine" (a sampler's or the novelty search's choice) or "human" (an edit, a grab)
 * @param parents its parents: tile ids of this exploration ("t3"), of another ("20261202-101500-ab12/t3"),
 *     archive images ("archive:12") or dropped images ("upload:&lt;sha256&gt;")
 * @param sampler the sampler or studio operation that made it
 * @param regime "mimetic" or "alien", as its recipe says
 * @param seed the seed that names it
 * @param latent the latent it decodes from
 * @param operations bends and noise on the decoder
 * @param kind its measured kind (copy, mimetic, marginal, alien, noise)
 * @param score its distance to the nearest archive image in the pixel-structure space
 * @param file its PNG, relative to the exploration's folder
 */
public record Tile(long seq, long at, String id, String grid, String origin, String actor, List<String> parents,
    String sampler, String regime, long seed, float[] latent, List<JsonNode> operations, String kind, Double score,
    String file) implements Entry {

  public Tile {
    parents = parents == null ? List.of() : List.copyOf(parents);
    operations = operations == null ? List.of() : List.copyOf(operations);
  }

  /** What the page shows of it (no latent). */
  public Map<String, Object> view() {
    java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", id);
    m.put("grid", grid);
    m.put("origin", origin);
    m.put("actor", actor);
    m.put("parents", parents);
    m.put("sampler", sampler);
    m.put("regime", regime);
    m.put("seed", seed);
    m.put("kind", kind);
    m.put("score", score);
    m.put("bent", !operations.isEmpty());
    return m;
  }
}

package margins.store;

import java.nio.file.Path;
import java.util.List;
import margins.recipe.Recipe;

/**
 * One PNG to register, with its recipe (as written into it), who decided it, and edges beyond those its recipe
 * gives (an empty list: the recipe's own parents, with the kind its sampler implies).
 */
public record Registration(Path png, Recipe recipe, Creator creator, List<Edge> edges) {

  public Registration {
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /** A machine's output with the lineage its recipe gives. */
  public static Registration of(Path png, Recipe recipe) {
    return new Registration(png, recipe, Creator.MACHINE, List.of());
  }
}

package margins.store;

import java.util.Arrays;
import java.util.Locale;
import margins.BadParameter;

/** How an item came from a parent; a crossover has one edge to each parent. Ids are kebab-case. */
public enum EdgeKind {
  SAMPLE,
  VARY,
  MUTATE,
  CROSSOVER,
  GENE_EDIT,
  BEND,
  WALK_GRAB,
  INJECT,
  BRANCH;

  /** "sample", "gene-edit", "walk-grab", ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind with this id; a bad one lists those allowed. */
  public static EdgeKind parse(String id) {
    for (EdgeKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new BadParameter("an edge kind is one of " + Arrays.stream(values()).map(EdgeKind::id).toList()
        + ", not '" + id + "'");
  }
}

package margins.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an item came from and what came of it: its ancestors (every parent of every crossover) up to a depth, its
 * descendants down to another, as a graph of nodes (items, archive images, outside files, seeds, checkpoints) and
 * links, and as indented text.
 */
public final class Lineage {

  /**
   * A node.
   *
   * @param key "item:ID", "archive:N", "file:PATH", "seed:N", "checkpoint:SHA"
   * @param label what the text and the graph show
   * @param item the item when it is one, else null
   * @param level generations from the root: negative for ancestors, positive for descendants
   */
  public record Node(String key, String label, Item item, int level) {}

  /** A link from child to parent, of a kind. */
  public record Link(String child, String parent, String kind) {}

  /** The whole lineage around one root. */
  public record Graph(Node root, Map<String, Node> nodes, List<Link> links) {

    /** The links whose child is this node, in the order of its parents. */
    public List<Link> parentsOf(String key) {
      return links.stream().filter(l -> l.child().equals(key)).toList();
    }

    public List<Link> childrenOf(String key) {
      return links.stream().filter(l -> l.parent().equals(key)).toList();
    }
  }

  private record Row(String other, String otherItem, String kind) {}

  private Lineage() {}

  public static Graph of(Store store, Item root, int up, int down) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Link> links = new ArrayList<>();
    Node r = new Node("item:" + root.id(), label(root), root, 0);
    nodes.put(r.key(), r);
    walk(store, r, up, true, nodes, links);
    walk(store, r, down, false, nodes, links);
    return new Graph(r, nodes, links);
  }

  private static void walk(Store store, Node root, int depth, boolean up, Map<String, Node> nodes, List<Link> links) {
    ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
    Set<String> seen = new HashSet<>(Set.of(root.key()));
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      if (n.item() == null || Math.abs(n.level()) >= depth) {
        continue;
      }
      for (Row row : up ? parents(store, n.item().id()) : children(store, n.item().id())) {
        String key = row.otherItem() != null ? "item:" + row.otherItem() : row.other();
        Node other = nodes.get(key);
        if (other == null) {
          Item item = row.otherItem() == null ? null : Items.byId(store, row.otherItem()).orElse(null);
          other = new Node(key, item != null ? label(item) : external(store, key), item,
              n.level() + (up ? -1 : 1));
          nodes.put(key, other);
        }
        links.add(up ? new Link(n.key(), key, row.kind()) : new Link(key, n.key(), row.kind()));
        if (seen.add(key)) {
          queue.add(other);
        }
      }
    }
  }

  private static List<Row> parents(Store store, String id) {
    return rows(store, "SELECT e.parent, p.id, e.kind FROM edges e LEFT JOIN items p ON p.n = e.parent_item"
        + " WHERE e.child = (SELECT n FROM items WHERE id = ?) ORDER BY e.position", id);
  }

  private static List<Row> children(Store store, String id) {
    return rows(store, "SELECT 'item:' || c.id, c.id, e.kind FROM edges e JOIN items c ON c.n = e.child"
        + " WHERE e.parent_item = (SELECT n FROM items WHERE id = ?) ORDER BY c.id", id);
  }

  private static List<Row> rows(Store store, String sql, String id) {
    return store.read(c -> {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
      return out;
    });
  }

  static String label(Item i) {
    return i.brief() + "  " + (i.kind() == null ? "unmeasured" : i.kind()) + "  " + i.sampler() + "  seed " + i.seed()
        + "  " + i.path();
  }

  private static String external(Store store, String key) {
    if (key.startsWith("archive:")) {
      String source = ArchiveImages.source(store, Integer.parseInt(key.substring("archive:".length())));
      return key + (source == null ? "" : "  " + source);
    }
    if (key.startsWith(Lineages.CHECKPOINT)) {
      String sha = key.substring(Lineages.CHECKPOINT.length());
      return "checkpoint " + sha.substring(0, Math.min(12, sha.length())) + checkpointPath(store, sha);
    }
    return key;
  }

  private static String checkpointPath(Store store, String sha) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT path FROM checkpoints WHERE sha256 = ?")) {
        p.setString(1, sha);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? "  " + rs.getString(1) : "";
        }
      }
    });
  }

  /** The ancestors as an indented tree under the root, then the children. */
  public static String text(Graph g) {
    StringBuilder sb = new StringBuilder(g.root().label()).append('\n');
    tree(g, g.root().key(), "", new HashMap<>(), sb);
    List<Link> children = g.childrenOf(g.root().key());
    if (!children.isEmpty()) {
      sb.append("made from it:\n");
      for (Link l : children) {
        sb.append("  ").append(l.kind()).append(" -> ").append(g.nodes().get(l.child()).label()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void tree(Graph g, String key, String indent, Map<String, Boolean> shown, StringBuilder sb) {
    List<Link> parents = g.parentsOf(key);
    for (int i = 0; i < parents.size(); i++) {
      Link l = parents.get(i);
      boolean last = i == parents.size() - 1;
      Node p = g.nodes().get(l.parent());
      boolean again = shown.put(p.key(), true) != null;
      sb.append(indent).append(last ? "└─ " : "├─ ").append(l.kind()).append(" <- ").append(p.label())
          .append(again && !g.parentsOf(p.key()).isEmpty() ? "  (its lineage above)" : "").append('\n');
      if (!again) {
        tree(g, p.key(), indent + (last ? "   " : "│  "), shown, sb);
      }
    }
  }
}

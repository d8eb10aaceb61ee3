package margins.store;

/**
 * A parent of an item and how the item came from it.
 *
 * @param parent what the recipe names: an item ("item:" + id), an archive image ("archive:12"), a file
 *     ("file:/abs/path.png"), a seed ("seed:3")
 * @param sha256 the parent file's content hash when known (it finds the parent's item after the file moved), or null
 * @param kind how
 */
public record Edge(String parent, String sha256, EdgeKind kind) {

  public static Edge of(String parent, EdgeKind kind) {
    return new Edge(parent, null, kind);
  }

  /** An edge to another item of the store. */
  public static Edge toItem(String itemId, EdgeKind kind) {
    return new Edge("item:" + itemId, null, kind);
  }
}

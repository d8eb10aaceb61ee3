package margins.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One registered image as the store holds it.
 *
 * @param id SHA-256 of its recipe's JSON
 * @param path its PNG, relative to the studio when inside it (the first of its files)
 * @param model the run its model comes from
 * @param checkpointSha256 the checkpoint's hash
 * @param sampler the sampler (or task: bend, walk)
 * @param regime mimetic or alien
 * @param seed the seed that names it
 * @param kind its measured kind (copy, mimetic, marginal, alien, noise), or null when unmeasured
 * @param creator human or machine
 * @param createdAt when its PNG was written, ms since the epoch
 */
public record Item(String id, String path, String model, String checkpointSha256, String sampler, String regime,
    long seed, String kind, String creator, long createdAt) {

  /** The columns {@link #of} reads, for SELECTs over items aliased i. */
  static final String COLUMNS = "i.id, (SELECT f.path FROM files f WHERE f.item = i.n ORDER BY f.path LIMIT 1),"
      + " i.model, i.checkpoint_sha256, i.sampler, i.regime, i.seed, i.kind, i.creator, i.created_at";

  static Item of(ResultSet rs) throws SQLException {
    return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getLong(10));
  }

  /** The first 12 hex digits, as commands show an id. */
  public String brief() {
    return id.substring(0, 12);
  }
}

package margins.store;

import java.sql.PreparedStatement;
import java.util.List;

/** The items a filter keeps, newest first. */
public final class Find {

  private Find() {}

  public static List<Item> items(Store store, Filter f) {
    Filter.Sql sql = f.sql();
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + Item.COLUMNS + " FROM items i WHERE " + sql.where()
          + " ORDER BY i.created_at DESC, i.id LIMIT ?")) {
        int i = 1;
        for (Object a : sql.args()) {
          p.setObject(i++, a);
        }
        p.setInt(i, f.limit());
        return Items.list(p);
      }
    });
  }

  /** How many items the filter keeps, without the limit. */
  public static long count(Store store, Filter f) {
    Filter.Sql sql = f.sql();
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM items i WHERE " + sql.where())) {
        int i = 1;
        for (Object a : sql.args()) {
          p.setObject(i++, a);
        }
        try (var rs = p.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }
}

package margins.store;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import margins.train.RunDir;

/** The studio's training runs in the store: name, when it was made (its config.json's time) and its config. */
final class Runs {

  private Runs() {}

  static void sync(Store store) {
    var runs = RunDir.list(store.studio());
    store.write(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO runs(name, created_at, config) VALUES (?, ?, ?)"
          + " ON CONFLICT(name) DO UPDATE SET created_at = excluded.created_at, config = excluded.config")) {
        for (RunDir r : runs) {
          p.setString(1, r.name());
          try {
            boolean has = Files.isRegularFile(r.config());
            p.setObject(2, has ? Files.getLastModifiedTime(r.config()).toMillis() : null);
            p.setString(3, has ? Files.readString(r.config()) : null);
          } catch (IOException e) {
            p.setObject(2, null);
            p.setString(3, null);
          }
          p.executeUpdate();
        }
      }
      return null;
    });
  }
}

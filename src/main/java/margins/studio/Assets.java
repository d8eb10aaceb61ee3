package margins.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, served from the jar by name from a fixed table: nothing the client sends is ever turned into
 * a path. Plain HTML, CSS and JavaScript; no build step, nothing fetched from elsewhere.
 */
final class Assets {

  /** File name to content type. */
  static final Map<String, String> FILES = files();

  private static final Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private Assets() {}

  private static Map<String, String> files() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("index.html", "text/html; charset=utf-8");
    m.put("studio.css", "text/css; charset=utf-8");
    for (String js : new String[] {"studio.js", "grid.js", "edit.js", "walk.js", "lineage.js", "machine.js"}) {
      m.put(js, "text/javascript; charset=utf-8");
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The file's bytes, or null when it is not in the table. */
  static byte[] get(String name) {
    if (!FILES.containsKey(name)) {
      return null;
    }
    return CACHE.computeIfAbsent(name, n -> {
      try (InputStream in = Assets.class.getResourceAsStream("/studio/" + n)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks studio/" + n);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}

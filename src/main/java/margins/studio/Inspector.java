package margins.studio;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.recipe.Recipe;

/**
 * What the inspector shows of the open tile: its recipe (read from its PNG), its measures, the archive images
 * nearest it in the pixel-structure space ({@link ArchiveNeighbours}: the store's when it has them), its gene
 * values, and the `margins redo` line that makes it again.
 */
final class Inspector {

  /** Nearest archive images listed. */
  static final int NEAREST = 5;

  private Inspector() {}

  static Map<String, Object> of(Studio studio, Exploration x, Tile t) {
    Path png = studio.folder(x.id()).resolve(t.file());
    Recipe r = Recipe.of(png).orElseThrow(() -> new NotFound("tile " + t.id() + " lost its recipe"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tile", t.view());
    m.put("recipe", r);
    m.put("measures", r.measures());
    Map<String, Object> near = studio.neighbours().of(studio.maker().features(x, List.of(t.id()))[0], NEAREST);
    m.put("nearest", near.get("nearest"));
    m.put("nearestFrom", near.get("from"));
    m.put("genes", studio.genes().values(t.latent()));
    m.put("file", png.toString());
    m.put("redo", "margins redo " + quote(png.toString()) + " --out " + t.id() + "-again.png --studio "
        + quote(studio.options().studio().toString()));
    m.put("download", "/api/explorations/" + x.id() + "/tiles/" + t.id() + "/image?download=1");
    return m;
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./@:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}

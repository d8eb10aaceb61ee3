package margins.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.math.VectorMath;
import margins.recipe.Recipe;

/**
 * What the inspector shows of the open tile: its recipe (read from its PNG), its measures, the archive images
 * nearest it in the pixel-structure space, its gene values, and the `margins redo` line that makes it again.
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
    m.put("nearest", nearest(studio, studio.maker().features(x, List.of(t.id()))[0]));
    m.put("genes", studio.genes().values(t.latent()));
    m.put("file", png.toString());
    m.put("redo", "margins redo " + quote(png.toString()) + " --out " + t.id() + "-again.png --studio "
        + quote(studio.options().studio().toString()));
    m.put("download", "/api/explorations/" + x.id() + "/tiles/" + t.id() + "/image?download=1");
    return m;
  }

  /** The archive images nearest a feature vector: index, source file and distance. */
  static List<Map<String, Object>> nearest(Studio studio, float[] f) {
    float[][] a = studio.archiveFeatures();
    int[] train = studio.measurer().trainIndices();
    List<Integer> order = new ArrayList<>();
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = Math.sqrt(VectorMath.squaredDistance(f, a[i]));
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> d[i]));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i : order.subList(0, Math.min(NEAREST, order.size()))) {
      int index = train[i];
      String source = index < studio.manifest().size() ? studio.manifest().get(index).source() : "";
      out.add(Map.of("index", index, "source", source, "distance", Math.round(d[i] * 1000) / 1000.0));
    }
    return out;
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./@:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}

package margins.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import margins.Files2;
import margins.Json;
import margins.Progress;
import margins.image.ContactSheet;
import margins.image.Png;
import margins.model.Generator;
import margins.model.Model;
import margins.network.LayerHook;

/**
 * Decodes draws, measures them, and writes each PNG with its recipe, contact sheets and a JSON-lines index, a chunk
 * at a time: a batch of 100,000 seeds holds one chunk of images in memory, and a crash leaves every chunk written
 * before it on disk, listed in the index.
 */
public final class Outputs {

  /** Images decoded, measured and written together; also the tiles of one contact sheet (16 x 16). */
  public static final int CHUNK = 256;

  /**
   * What a batch left on disk.
   *
   * @param images the PNGs, in draw order
   * @param sheets the contact sheets, one per chunk of {@link #CHUNK} images: sheet.png, sheet-2.png, ...
   * @param index outputs.jsonl: one line per image with its seed, regime, sampler and measures
   * @param kindCounts how many outputs fell in each kind (empty when nothing was measured)
   * @param first the first image's recipe
   */
  public record Written(List<Path> images, List<Path> sheets, Path index, Map<String, Integer> kindCounts,
      Recipe first) {

    /** The first contact sheet. */
    public Path sheet() {
      return sheets.get(0);
    }

    /** How many outputs fell in each kind, in the scale's order ("12 mimetic, 4 alien"), or "" when unmeasured. */
    public String kinds() {
      StringBuilder sb = new StringBuilder();
      for (String k : KINDS) {
        if (kindCounts.containsKey(k)) {
          sb.append(sb.length() == 0 ? "" : ", ").append(kindCounts.get(k)).append(' ').append(k);
        }
      }
      return sb.toString();
    }
  }

  /** The kinds of the measure's scale, in order, as recipes name them. */
  static final List<String> KINDS = List.of("copy", "mimetic", "marginal", "alien", "noise");

  /** Turns a draw's stored operations into the hook that applies them (the bend package turns them into hooks). */
  @FunctionalInterface
  public interface Hooks {
    LayerHook hook(List<JsonNode> operations);
  }

  /**
   * Hears of each chunk of PNGs as soon as it is on disk, with the recipes written into them (their parents give
   * the lineage). The store registers them through this; the recipe package cannot import it. A sink reports its
   * own failures and does not throw: the PNGs are already written and stay the truth.
   */
  @FunctionalInterface
  public interface Sink {

    /** A sink that does nothing. */
    Sink NONE = (pngs, recipes) -> {};

    void written(List<Path> pngs, List<Recipe> recipes);
  }

  private Outputs() {}

  /** Seeds name images: seed0042.png. */
  public static String fileName(long seed) {
    return String.format("seed%04d.png", seed);
  }

  /** Decodes one recipe's latent through the hook and writes the PNG with the recipe inside; returns the image. */
  public static BufferedImage writeOne(Generator gen, Recipe recipe, LayerHook hook, Path file) {
    BufferedImage img = gen.image(recipe.latent(), hook);
    Png.write(file, img, Recipe.KEYWORD, recipe.json());
    return img;
  }

  /**
   * Decodes the draws (each through the hook its operations give), measures them, and writes them into `out` as
   * made in this regime by this sampler (or task: "bend"). A null regime is read from each output's measured kind
   * (copy and mimetic: mimetic; the rest: alien), alien when unmeasured: what bends and walks do.
   */
  public static Written write(Generator gen, Regime regime, String sampler, List<Draw> draws, Hooks hooks, Path out,
      Measurer measurer, String software, Progress progress, Sink sink) {
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("nothing to write: no draws");
    }
    Model m = gen.model();
    Path indexFile = out.resolve("outputs.jsonl");
    List<Path> files = new ArrayList<>();
    List<Path> sheets = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    Recipe first = null;
    for (int from = 0; from < draws.size(); from += CHUNK) {
      List<Draw> chunk = draws.subList(from, Math.min(draws.size(), from + CHUNK));
      List<BufferedImage> images = new ArrayList<>();
      for (Draw d : chunk) {
        images.add(gen.image(d.latent(), hooks.hook(d.operations())));
      }
      List<Map<String, Object>> measures = measurer.measure(images);
      if (from == 0) {
        // Only once the first chunk decoded and measured: a bad parameter found there leaves nothing on disk.
        Files2.writeAtomic(indexFile, "");
      }
      StringBuilder index = new StringBuilder();
      List<Recipe> recipes = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        Draw d = chunk.get(i);
        Object psi = d.params().get("psi");
        Object kind = measures.get(i).get("kind");
        Regime r = regime != null ? regime : kind == null ? Regime.ALIEN : Regime.ofKind(kind.toString());
        Recipe recipe = new Recipe(software, m.run(), m.relativePath(), m.sha256(), m.vae().config().resolution(),
            r.id(), sampler, d.seed(), psi instanceof Number n ? n.doubleValue() : null,
            d.params(), d.latent(), d.operations(), d.parents(), measures.get(i), m.device());
        Path file = out.resolve(fileName(d.seed()));
        Png.write(file, images.get(i), Recipe.KEYWORD, recipe.json());
        files.add(file);
        recipes.add(recipe);
        first = first == null ? recipe : first;
        if (kind != null) {
          kinds.merge(kind.toString(), 1, Integer::sum);
        }
        index.append(Json.line(indexLine(file, recipe))).append('\n');
      }
      Files2.append(indexFile, index.toString());
      sink.written(List.copyOf(files.subList(files.size() - chunk.size(), files.size())), recipes);
      Path sheet = out.resolve(sheets.isEmpty() ? "sheet.png" : "sheet-" + (sheets.size() + 1) + ".png");
      Png.write(sheet, ContactSheet.of(images, 0, 64));
      sheets.add(sheet);
      progress.update(files.size(), "images");
    }
    progress.end();
    return new Written(files, sheets, indexFile, kinds, first);
  }

  /** The same, telling no one. */
  public static Written write(Generator gen, Regime regime, String sampler, List<Draw> draws, Hooks hooks, Path out,
      Measurer measurer, String software, Progress progress) {
    return write(gen, regime, sampler, draws, hooks, out, measurer, software, progress, Sink.NONE);
  }

  /** The same, without a progress line, telling the sink of each chunk written. */
  public static Written write(Generator gen, Regime regime, String sampler, List<Draw> draws, Hooks hooks, Path out,
      Measurer measurer, String software, Sink sink) {
    return write(gen, regime, sampler, draws, hooks, out, measurer, software, Progress.none(), sink);
  }

  /** The same, without a progress line, telling no one. */
  public static Written write(Generator gen, Regime regime, String sampler, List<Draw> draws, Hooks hooks, Path out,
      Measurer measurer, String software) {
    return write(gen, regime, sampler, draws, hooks, out, measurer, software, Progress.none(), Sink.NONE);
  }

  private static Map<String, Object> indexLine(Path file, Recipe r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", file.getFileName().toString());
    line.put("seed", r.seed());
    line.put("regime", r.regime());
    line.put("sampler", r.sampler());
    line.put("measures", r.measures());
    return line;
  }
}

package margins.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.Files2;
import margins.Json;
import margins.image.ContactSheet;
import margins.image.Png;
import margins.model.Generator;
import margins.model.Model;
import margins.network.LayerHook;

/** Decodes a sampler's draws, measures them, and writes each PNG with its recipe, a sheet and a JSON-lines index. */
public final class Outputs {

  /**
   * What a batch left on disk.
   *
   * @param images the PNGs, in draw order
   * @param sheet the contact sheet of them all
   * @param index outputs.jsonl: one line per image with its seed, regime, sampler and measures
   * @param recipes the recipes written, in order
   */
  public record Written(List<Path> images, Path sheet, Path index, List<Recipe> recipes) {

    /** How many outputs fell in each kind (copy, mimetic, marginal, alien), or "" when none was measured. */
    public String kinds() {
      Map<String, Long> counts = new java.util.TreeMap<>();
      for (Recipe r : recipes) {
        Object k = r.measures().get("kind");
        if (k != null) {
          counts.merge(k.toString(), 1L, Long::sum);
        }
      }
      StringBuilder sb = new StringBuilder();
      for (String k : List.of("copy", "mimetic", "marginal", "alien")) {
        if (counts.containsKey(k)) {
          sb.append(sb.length() == 0 ? "" : ", ").append(counts.get(k)).append(' ').append(k);
        }
      }
      return sb.toString();
    }
  }

  /** Turns a draw's stored operations into the hook that applies them (the bend package turns them into hooks). */
  @FunctionalInterface
  public interface Hooks {
    LayerHook hook(List<JsonNode> operations);
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
   * made in this regime by this sampler (or task: "bend").
   */
  public static Written write(Generator gen, Regime regime, String sampler, List<Draw> draws, Hooks hooks, Path out,
      Measurer measurer, String software) {
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("nothing to write: no draws");
    }
    Model m = gen.model();
    List<BufferedImage> images = new ArrayList<>();
    for (Draw d : draws) {
      images.add(gen.image(d.latent(), hooks.hook(d.operations())));
    }
    List<Map<String, Object>> measures = measurer.measure(images);
    List<Path> files = new ArrayList<>();
    List<Recipe> recipes = new ArrayList<>();
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < draws.size(); i++) {
      Draw d = draws.get(i);
      Object psi = d.params().get("psi");
      Recipe r = new Recipe(software, m.run(), m.relativePath(), m.sha256(), m.vae().config().resolution(),
          regime.id(), sampler, d.seed(), psi instanceof Number n ? n.doubleValue() : null,
          d.params(), d.latent(), d.operations(), d.parents(), measures.get(i));
      Path file = out.resolve(fileName(d.seed()));
      Png.write(file, images.get(i), Recipe.KEYWORD, r.json());
      files.add(file);
      recipes.add(r);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", file.getFileName().toString());
      line.put("seed", d.seed());
      line.put("regime", r.regime());
      line.put("sampler", r.sampler());
      line.put("measures", r.measures());
      index.append(Json.line(line)).append('\n');
    }
    Path sheet = out.resolve("sheet.png");
    Png.write(sheet, ContactSheet.of(images, 0, 64));
    Path indexFile = out.resolve("outputs.jsonl");
    Files2.writeAtomic(indexFile, index.toString());
    return new Written(files, sheet, indexFile, recipes);
  }
}

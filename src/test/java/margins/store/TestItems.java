package margins.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import margins.image.Png;
import margins.recipe.Recipe;

/** PNGs with recipes written straight to disk, as Margins writes them, for store tests that need no model. */
final class TestItems {

  static final String CHECKPOINT_SHA = "c0ffee".repeat(10) + "abcd";

  private TestItems() {}

  /** A measured recipe of this kind and sampler, with these parents and extra params. */
  static Recipe recipe(long seed, String kind, String sampler, List<String> parents, Map<String, Object> params) {
    Map<String, Object> space = new LinkedHashMap<>();
    space.put("nearest", (int) (seed % 5));
    space.put("source", "src/" + (seed % 5) + ".png");
    space.put("distance", 0.1 * (seed % 10));
    space.put("realism", 1.5);
    space.put("rarity", 0.5 + seed % 3);
    space.put("inside", !kind.equals("alien"));
    space.put("kind", kind);
    Map<String, Object> measures = new LinkedHashMap<>();
    measures.put("kind", kind);
    measures.put("pixel-structure", space);
    String regime = kind.equals("copy") || kind.equals("mimetic") ? "mimetic" : "alien";
    return new Recipe("margins test", "00000-vae32", "runs/00000-vae32/checkpoints/step-000002.ckpt", CHECKPOINT_SHA,
        32, regime, sampler, seed, null, params, new float[] {seed, 1f, -1f}, List.<JsonNode>of(), parents, measures,
        "cpu:test");
  }

  static Recipe recipe(long seed, String kind) {
    return recipe(seed, kind, "tail", List.of(), Map.of());
  }

  /** Writes the recipe's PNG into dir/seedNNNN.png: blobs drawn from the seed, so images differ. */
  static Path write(Path dir, Recipe r) {
    Path file = dir.resolve(String.format("seed%04d.png", r.seed()));
    Png.write(file, image(r.seed()), Recipe.KEYWORD, r.json());
    return file;
  }

  static BufferedImage image(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(rnd.nextInt(1 << 24)));
    g.fillRect(0, 0, 32, 32);
    for (int i = 0; i < 4; i++) {
      g.setColor(new Color(rnd.nextInt(1 << 24)));
      g.fillOval(rnd.nextInt(24), rnd.nextInt(24), 4 + rnd.nextInt(14), 4 + rnd.nextInt(14));
    }
    g.dispose();
    return img;
  }
}

package margins.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.Json;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Latents;
import margins.network.Vae;
import margins.network.VaeConfig;
import margins.recipe.Measurer;
import margins.recipe.Recipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkingTest {

  static Model model;
  @TempDir Path tmp;

  @BeforeAll
  static void aTinyModel() {
    Vae vae = Vae.create(new VaeConfig(8, 4, 16, 16), Device.cpu(), 5).forGeneration();
    model = new Model(vae, "00000-vae8", Path.of("ckpt"), "ckpt", "1".repeat(64), 1);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static WalkRecipe recipe(boolean measured) {
    Walk walk = new Lerp(Latents.gaussian(1, 4), Latents.gaussian(2, 4), 6);
    return Walking.recipe(model, walk, List.of(), List.of(), 12, 4, List.of("png", "gif"), List.of("seed:1", "seed:2"),
        measured, "test");
  }

  @Test
  void aMeasuredWalkListsEachFramesKindAndItsFramesTakeTheRegimeTheirKindFallsIn() throws Exception {
    List<Integer> given = new ArrayList<>();
    Measurer m = images -> {
      given.add(images.size());
      List<Map<String, Object>> out = new ArrayList<>();
      for (BufferedImage i : images) {
        out.add(Map.of("kind", out.size() < 3 ? "mimetic" : "alien"));
      }
      return out;
    };
    Walking.write(new Generator(model), recipe(true), tmp, m);
    assertEquals(List.of(6), given, "every frame measured");
    List<String> lines = Files.readAllLines(tmp.resolve(Walking.INDEX));
    assertEquals(6, lines.size());
    assertEquals("{\"frame\":4,\"measures\":{\"kind\":\"alien\"},\"regime\":\"alien\"}", lines.get(4));
    Recipe first = Recipe.of(tmp.resolve("frames").resolve(PngFramesWriter.name(0))).orElseThrow();
    assertEquals("mimetic", first.regime());
    assertEquals("mimetic", first.measures().get("kind"));
    assertTrue(Files.readString(tmp.resolve(WalkRecipe.FILE)).contains("\"measured\" : true"));
  }

  @Test
  void anUnmeasuredWalkWritesNoIndexAndItsRecipeLooksAsWalksDidBefore() throws Exception {
    Walking.write(new Generator(model), recipe(false), tmp, Measurer.NONE);
    assertFalse(Files.exists(tmp.resolve(Walking.INDEX)));
    String json = Files.readString(tmp.resolve(WalkRecipe.FILE));
    assertFalse(json.contains("measured"), json);
    Path again = Json.parse(json, WalkRecipe.class).write(Files.createDirectories(tmp.resolve("again")));
    assertEquals(json, Files.readString(again), "read and written back, the same bytes");
  }
}

package margins.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.engine.ConvPath;
import margins.model.Generator;
import margins.model.Model;
import margins.network.LayerHook;
import margins.network.Latents;
import margins.network.Vae;
import margins.network.VaeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {

  static Model model;
  static Generator gen;
  @TempDir Path tmp;

  @BeforeAll
  static void aTinyModel() {
    Vae vae = Vae.create(new VaeConfig(8, 4, 16, 16), Device.cpu(), 3).forGeneration();
    model = new Model(vae, "00000-vae8", Path.of("runs/00000-vae8/checkpoints/step-000001.ckpt"),
        "runs/00000-vae8/checkpoints/step-000001.ckpt", "0".repeat(64), 1);
    gen = new Generator(model);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static List<Draw> draws(int n) {
    List<Draw> d = new ArrayList<>();
    for (long s = 0; s < n; s++) {
      d.add(Draw.of(s, Latents.gaussian(s, 4), Map.of("psi", 1.0)));
    }
    return d;
  }

  /** Gives kinds in turn, and remembers how many images each call was given. */
  static final class CountingMeasurer implements Measurer {
    final List<Integer> calls = new ArrayList<>();
    final List<String> kinds;

    CountingMeasurer(String... kinds) {
      this.kinds = List.of(kinds);
    }

    @Override
    public List<Map<String, Object>> measure(List<BufferedImage> images) {
      calls.add(images.size());
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        out.add(Map.of("kind", kinds.get(out.size() % kinds.size())));
      }
      return out;
    }
  }

  @Test
  void aLargeBatchIsWrittenAChunkAtATimeWithASheetPerChunk() throws Exception {
    CountingMeasurer m = new CountingMeasurer("mimetic", "alien");
    Outputs.Written w = Outputs.write(gen, Regime.MIMETIC, "truncated", draws(300), ops -> LayerHook.NONE, tmp, m,
        "test");
    assertEquals(List.of(256, 44), m.calls, "measured one chunk at a time");
    assertEquals(300, w.images().size());
    assertEquals(List.of(tmp.resolve("sheet.png"), tmp.resolve("sheet-2.png")), w.sheets());
    assertEquals(300, Files.readAllLines(w.index()).size());
    assertEquals(Map.of("mimetic", 150, "alien", 150), w.kindCounts());
    assertEquals("150 mimetic, 150 alien", w.kinds());
    assertTrue(Files.exists(tmp.resolve("seed0299.png")));
  }

  @Test
  void aCrashInALaterChunkLeavesTheEarlierChunksWrittenAndIndexed() throws Exception {
    Measurer failsSecond = new Measurer() {
      int calls;

      @Override
      public List<Map<String, Object>> measure(List<BufferedImage> images) {
        if (++calls == 2) {
          throw new IllegalStateException("the machine stopped");
        }
        return Measurer.NONE.measure(images);
      }
    };
    assertThrows(IllegalStateException.class, () -> Outputs.write(gen, Regime.ALIEN, "tail", draws(300),
        ops -> LayerHook.NONE, tmp, failsSecond, "test"));
    assertEquals(256, Files.readAllLines(tmp.resolve("outputs.jsonl")).size());
    assertTrue(Files.exists(tmp.resolve("seed0255.png")) && !Files.exists(tmp.resolve("seed0256.png")));
  }

  @Test
  void aBadParameterFoundInTheFirstChunkLeavesNothingOnDisk() {
    Path out = tmp.resolve("out");
    assertThrows(IllegalArgumentException.class, () -> Outputs.write(gen, Regime.ALIEN, "bend", draws(3),
        ops -> { throw new IllegalArgumentException("no layer up9"); }, out, Measurer.NONE, "test"));
    assertFalse(Files.exists(out));
  }

  @Test
  void withoutARegimeEachOutputTakesTheRegimeItsMeasuredKindFallsIn() throws Exception {
    Outputs.write(gen, null, "bend", draws(4), ops -> LayerHook.NONE, tmp,
        new CountingMeasurer("copy", "mimetic", "marginal", "alien"), "test");
    assertEquals(List.of("mimetic", "mimetic", "alien", "alien"), List.of(0, 1, 2, 3).stream()
        .map(s -> Recipe.of(tmp.resolve(Outputs.fileName(s))).orElseThrow().regime()).toList());
  }

  @Test
  void everyRecipeSaysWhereItWasComputed() {
    Outputs.write(gen, Regime.MIMETIC, "truncated", draws(1), ops -> LayerHook.NONE, tmp, Measurer.NONE, "test");
    Recipe r = Recipe.of(tmp.resolve("seed0000.png")).orElseThrow();
    assertEquals(ConvPath.label(Device.cpu()), r.device());
    assertTrue(r.device().equals("cpu:onednn") || r.device().equals("cpu:aten"), r.device());
  }

  @Test
  void aRecipeWithoutADeviceIsWrittenAsItWasRead() {
    String old = "{\"software\":\"margins 0.1.0\",\"model\":\"m\",\"checkpoint\":\"c\",\"checkpointSha256\":\"s\","
        + "\"resolution\":8,\"regime\":\"alien\",\"sampler\":\"tail\",\"seed\":1,\"psi\":2.0,\"params\":{},"
        + "\"latent\":[0.5],\"operations\":[],\"parents\":[],\"measures\":{}}";
    Recipe r = margins.Json.parse(old, Recipe.class);
    assertEquals(null, r.device());
    assertEquals(old, r.json(), "redo of an image made before devices were recorded gives the same bytes");
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import margins.Json;
import margins.bend.ChannelClusters;
import margins.recipe.Recipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bend and clusters from the command line, on the shared tiny studio (a copy where clusters are written). */
class BendCommandsTest {

  @TempDir static Path tmp;
  static Path studio;

  @BeforeAll
  static void useTheSharedStudio() {
    studio = SharedStudio.get();
  }

  @AfterAll
  static void leaveTheSharedStudioAsItWas() {
    SharedStudio.assertUnchanged();
  }

  static MarginsTest.Run run(String... args) {
    return TinyStudio.run(studio, args);
  }

  @Test
  void bendWritesEveryOpIntoEachRecipeAndRedoMakesTheSameBytes() throws Exception {
    Path config = tmp.resolve("bends.json");
    Files.writeString(config, "[{\"layer\":\"up1\",\"op\":\"flip-h\",\"channels\":\"0-1\"}]");
    Path out = tmp.resolve("bent");
    MarginsTest.Run r = run("bend", "--config", config.toString(), "--op", "up2:rotate:degrees=45",
        "--noise", "up1:0.8:5", "--seeds", "2-3", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(Files.exists(out.resolve("sheet.png")));
    Recipe recipe = Recipe.of(out.resolve("seed0003.png")).orElseThrow();
    assertEquals("bend", recipe.sampler());
    assertEquals(3, recipe.operations().size());
    assertEquals("flip-h", recipe.operations().get(0).path("op").asText());
    assertEquals("rotate", recipe.operations().get(1).path("op").asText());
    assertEquals("noise", recipe.operations().get(2).path("kind").asText());
    Path again = tmp.resolve("bent-again.png");
    assertEquals(0, run("redo", out.resolve("seed0003.png").toString(), "--out", again.toString()).code);
    assertArrayEquals(Files.readAllBytes(out.resolve("seed0003.png")), Files.readAllBytes(again));
  }

  @Test
  void clustersAssignEveryChannelOnceAndAClusterBendStoresItsChannelNumbers() throws Exception {
    Path own = SharedStudio.copy(tmp.resolve("own"));
    MarginsTest.Run c = TinyStudio.run(own, "clusters", "--k", "2", "--images", "8");
    assertEquals(0, c.code, c.err);
    Path runDir = SharedStudio.onlyRun(own);
    ChannelClusters clusters = ChannelClusters.readIfPresent(runDir);
    assertEquals(java.util.List.of("fc", "up1", "up2", "up3"), java.util.List.copyOf(clusters.layers().keySet()));
    clusters.layers().forEach((layer, l) -> {
      int[] all = Arrays.stream(l.clusters()).flatMapToInt(Arrays::stream).sorted().toArray();
      assertArrayEquals(java.util.stream.IntStream.range(0, l.channels()).toArray(), all, layer);
      assertTrue(Files.exists(runDir.resolve("clusters").resolve(layer + "-cluster0.png")), layer);
    });
    Path out = tmp.resolve("cluster-bend");
    assertEquals(0, TinyStudio.run(own, "bend", "--op", "up1:ablate::cluster=1", "--seeds", "1", "--out",
        out.toString()).code);
    JsonNode channels = Recipe.of(out.resolve("seed0001.png")).orElseThrow().operations().get(0).path("channels");
    assertEquals(Json.MAPPER.valueToTree(clusters.layers().get("up1").clusters()[1]), channels.path("indices"));
    Path again = tmp.resolve("cluster-again.png");
    assertEquals(0, TinyStudio.run(own, "redo", out.resolve("seed0001.png").toString(), "--out", again.toString()).code);
    assertArrayEquals(Files.readAllBytes(out.resolve("seed0001.png")), Files.readAllBytes(again));
  }

  @Test
  void badOpsNoiseLayersAndClustersAreBadUsageAndWriteNothing() {
    Path out = tmp.resolve("bad-bend");
    String[][] bad = {
      {"bend", "--op", "up1"},
      {"bend", "--op", "up1:rotate:degrees=x"},
      {"bend", "--op", "up1:rotate:turns=3"},
      {"bend", "--op", "up9:ablate"},
      {"bend", "--op", "up1:ablate::0-400"},
      {"bend", "--op", "up1:ablate::cluster=77"},
      {"bend", "--noise", "up1:-1"},
      {"bend", "--noise", "nowhere:1"},
      {"bend"},
    };
    for (String[] args : bad) {
      String[] all = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
      MarginsTest.Run r = run(all);
      assertEquals(2, r.code, String.join(" ", args) + ": " + r.err);
      assertFalse(Files.exists(out), String.join(" ", args));
    }
    assertTrue(run("bend", "--op", "up9:ablate").err.contains("decoder layers are [fc, up1, up2, up3]"));
  }

  @Test
  void bendOnAnUnknownRunIsAFailure() {
    MarginsTest.Run r = run("bend", "--op", "up1:invert", "--run", "00042");
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no run '00042'"), r.err);
  }

  @Test
  void theNewCommandsHaveHelp() {
    for (String c : new String[] {"bend", "walk", "clusters"}) {
      MarginsTest.Run r = new MarginsTest.Run(c, "--help");
      assertEquals(0, r.code, c);
      assertTrue(r.out.contains("Usage: margins " + c), r.out);
    }
    assertTrue(new MarginsTest.Run("walk", "--help").out.contains("--sweep LAYER:OP:PARAM=FROM..TO"));
    assertEquals(0, new MarginsTest.Run("bench", "walk", "--help").code);
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margins.Json;
import margins.archive.TestImages;
import margins.recipe.Recipe;
import margins.recipe.Regime;
import margins.sample.Samplers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** measure, report and bench regimes from the command line, on one tiny studio trained for two steps. */
class MeasureCommandsTest {

  @TempDir static Path tmp;
  static Path studio;

  @BeforeAll
  static void trainATinyStudio() {
    studio = TinyStudio.make(tmp);
  }

  static MarginsTest.Run run(String... args) {
    String[] all = Stream.concat(Stream.of(args[0], "--studio", studio.toString(), "--device", "cpu"),
        Stream.of(args).skip(1)).toArray(String[]::new);
    return new MarginsTest.Run(all);
  }

  static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void measuringAFolderWritesOneLinePerImageAndLeavesThePngsAlone() throws Exception {
    Path out = tmp.resolve("sampled");
    assertEquals(0, run("sample", "--seeds", "0-5", "--out", out.toString()).code);
    byte[] before = Files.readAllBytes(out.resolve("seed0002.png"));
    MarginsTest.Run r = run("measure", out.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("held-out archive (reference)"), r.out);
    assertTrue(r.out.contains("sampled "), r.out);
    assertTrue(r.out.contains("pixel-structure space") && r.out.contains("encoder space"), r.out);
    List<String> lines = lines(out.resolve("measures.jsonl"));
    assertEquals(6, lines.size());
    JsonNode first = Json.MAPPER.readTree(lines.get(0));
    assertEquals("seed0000.png", first.path("file").asText());
    assertTrue(first.path("measures").path("pixel-structure").has("nearest"), lines.get(0));
    assertTrue(first.path("measures").path("encoder").has("realism"), lines.get(0));
    assertArrayEquals(before, Files.readAllBytes(out.resolve("seed0002.png")));
  }

  @Test
  void measuringARunSamplesBothRegimesAndMeasuresEachBatch() throws Exception {
    Path out = tmp.resolve("measured-run");
    MarginsTest.Run r = run("measure", "00000", "--n", "5", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    String mimetic = Samplers.defaultFor(Regime.MIMETIC).id();
    String alien = Samplers.defaultFor(Regime.ALIEN).id();
    assertTrue(r.out.contains("mimetic (" + mimetic + ")") && r.out.contains("alien (" + alien + ")"), r.out);
    assertTrue(r.out.contains("held-out archive (reference)"), r.out);
    for (String batch : List.of("mimetic-" + mimetic, "alien-" + alien)) {
      assertEquals(5, lines(out.resolve(batch).resolve("measures.jsonl")).size());
      Recipe recipe = Recipe.of(out.resolve(batch).resolve("seed0004.png")).orElseThrow();
      assertTrue(recipe.measures().containsKey("kind"), recipe.measures().toString());
    }
  }

  @Test
  void measuredOutputsAreMadeAgainByteForByte() throws Exception {
    Path out = tmp.resolve("redo-measured");
    assertEquals(0, run("measure", "00000", "--n", "4", "--out", out.toString()).code);
    Path original = out.resolve("alien-" + Samplers.defaultFor(Regime.ALIEN).id()).resolve("seed0003.png");
    Path again = tmp.resolve("redo-measured-again.png");
    MarginsTest.Run redo = run("redo", original.toString(), "--out", again.toString());
    assertEquals(0, redo.code, redo.err);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(again));
  }

  @Test
  void aFolderWithoutMarginsPngsIsAClearFailureAndWritesNothing() throws Exception {
    Path plain = tmp.resolve("plain");
    TestImages.write(TestImages.solid(32, 32, 0xff0000), "png", plain.resolve("red.png"));
    MarginsTest.Run r = run("measure", plain.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no Margins PNGs"), r.err);
    assertFalse(Files.exists(plain.resolve("measures.jsonl")));
  }

  @Test
  void anUnknownRunIsAClearFailureAndWritesNothing() throws Exception {
    long before = count(studio);
    MarginsTest.Run r = run("measure", "00042", "--n", "4");
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no run '00042'"), r.err);
    MarginsTest.Run report = run("report", "--run", "00042", "--out", tmp.resolve("no-report").toString());
    assertEquals(1, report.code);
    assertFalse(Files.exists(tmp.resolve("no-report")));
    assertEquals(before, count(studio));
  }

  @Test
  void badCountsAndSamplersAreBadUsage() {
    MarginsTest.Run n = run("measure", "00000", "--n", "2");
    assertEquals(2, n.code);
    assertTrue(n.err.contains("--n must be in 4..10000"), n.err);
    MarginsTest.Run wrong = run("measure", "00000", "--n", "4", "--alien-sampler", "truncated");
    assertEquals(2, wrong.code);
    assertTrue(wrong.err.contains("is mimetic, not alien"), wrong.err);
    assertEquals(2, run("report", "--n", "1").code);
  }

  @Test
  void theReportIsAPageWhoseImagesAllExistWithEveryKindShown() throws Exception {
    Path out = tmp.resolve("report");
    MarginsTest.Run r = run("report", "--n", "6", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    Path index = out.resolve("index.html");
    String html = Files.readString(index);
    Matcher m = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    int images = 0;
    while (m.find()) {
      assertFalse(m.group(1).contains("://"), "no network assets: " + m.group(1));
      assertTrue(Files.isRegularFile(out.resolve(m.group(1))), "missing " + m.group(1));
      images++;
    }
    assertTrue(images >= 4, html);
    assertFalse(html.contains("<link") || html.contains("<script"), "self-contained");
    assertTrue(Files.isRegularFile(out.resolve("novelty-realism-pixel-structure.png")));
    assertTrue(Files.isRegularFile(out.resolve("novelty-realism-encoder.png")));
    for (String kind : List.of("copy", "mimetic", "marginal", "alien")) {
      for (String regime : List.of("mimetic", "alien")) {
        boolean sheet = html.contains("kind-" + kind + "-" + regime + ".png");
        boolean none = html.contains("none: no " + regime);
        assertTrue(sheet || none, kind + " / " + regime);
      }
    }
    assertTrue(html.contains("held-out archive (reference)") && html.contains("noise: archive, pixels shuffled"), html);
    assertTrue(r.out.contains("report: " + index), r.out);
  }

  @Test
  void benchRegimesPrintsEachTargetAsMetOrNot() {
    MarginsTest.Run r = new MarginsTest.Run("bench", "regimes", "--studio", studio.toString(), "--device", "cpu",
        "--n", "6");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("alien pruned precision"), r.out);
    assertTrue(r.out.contains("[target <= 0.05: met]") || r.out.contains("[target <= 0.05: not met]"), r.out);
    assertTrue(r.out.contains("noise: Gaussian pixels"), r.out);
  }

  private static long count(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.count();
    }
  }
}

package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margins.Json;
import margins.archive.TestImages;
import margins.measure.Kind;
import margins.recipe.Recipe;
import margins.recipe.Regime;
import margins.report.RegimeFigures;
import margins.sample.Samplers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** measure, report and bench regimes from the command line, on the shared tiny studio. */
class MeasureCommandsTest {

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
  void anUnknownRunIsAClearFailureAndWritesNothing() {
    List<String> before = SharedStudio.listing(studio);
    MarginsTest.Run r = run("measure", "00042", "--n", "4");
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no run '00042'"), r.err);
    MarginsTest.Run report = run("report", "--run", "00042", "--out", tmp.resolve("no-report").toString());
    assertEquals(1, report.code);
    assertFalse(Files.exists(tmp.resolve("no-report")));
    assertEquals(before, SharedStudio.listing(studio));
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
    // Each kind's section shows, per regime, the count its measures.jsonl gives, and a sheet exactly when it is not 0.
    for (Regime regime : List.of(Regime.MIMETIC, Regime.ALIEN)) {
      String sampler = Samplers.defaultFor(regime).id();
      String batch = regime.id() + " (" + sampler + ")";
      Map<String, Integer> counts = kinds(out.resolve(regime.id() + "-" + sampler).resolve("measures.jsonl"));
      assertEquals(6, counts.values().stream().mapToInt(Integer::intValue).sum(), counts.toString());
      for (Kind kind : Kind.values()) {
        int count = counts.getOrDefault(kind.id(), 0);
        int from = html.indexOf("<h3>" + kind.id() + "</h3>");
        assertTrue(from >= 0, kind.id());
        String section = html.substring(from, html.indexOf("</div>", from));
        String sheet = "kind-" + kind.id() + "-" + regime.id() + ".png";
        String what = sheet + " " + counts + " in " + section;
        assertTrue(section.contains(batch + ": " + count + " of 6"), what);
        assertEquals(count > 0, section.contains("src=\"" + sheet + "\""), what);
        assertEquals(count > 0, Files.isRegularFile(out.resolve(sheet)), what);
        assertEquals(count == 0, section.contains("none: no " + batch + " output is " + kind.id()), what);
      }
      // The copies section pairs each copy with the archive image it copies: a sheet exactly when there are copies.
      int copies = counts.getOrDefault("copy", 0);
      String section = html.substring(html.indexOf("<h2>Copies beside the archive images they copy</h2>"));
      assertTrue(section.contains(batch + ": " + copies + " cop" + (copies == 1 ? "y" : "ies") + " of 6"), section);
      String sheet = "copies-" + regime.id() + ".png";
      assertEquals(copies > 0, section.contains("src=\"" + sheet + "\""), section);
      assertEquals(copies > 0, Files.isRegularFile(out.resolve(sheet)), sheet);
    }
    assertTrue(html.contains("held-out archive (reference)") && html.contains("noise: archive, pixels shuffled"), html);
    assertTrue(html.contains("held-out archive (reference): "), "the held-out split's own copies are shown: " + html);
    assertTrue(r.out.contains("report: " + index), r.out);
  }

  @Test
  void benchRegimesPrintsTheTableRowsFiguresAndVerdictsThatFollowFromThem() {
    MarginsTest.Run r = new MarginsTest.Run("bench", "regimes", "--studio", studio.toString(), "--device", "cpu",
        "--n", "6");
    assertEquals(0, r.code, r.err);
    String mimetic = "mimetic (" + Samplers.defaultFor(Regime.MIMETIC).id() + ")";
    String alien = "alien (" + Samplers.defaultFor(Regime.ALIEN).id() + ")";
    String[] held = row(r.out, "held-out archive (reference)");
    String[] mim = row(r.out, mimetic);
    String[] ali = row(r.out, alien);
    String[] noise = row(r.out, "noise: Gaussian pixels");
    String[] shuffled = row(r.out, "noise: archive, pixels shuffled");
    assertEquals("6", mim[0]);
    assertEquals("6", ali[0]);
    // Row cells: n, precision, pruned, recall, density, coverage, KID, (std), copy rate, sharpness, coherence, kinds.
    assertEquals(6, Stream.of(ali[11].split("/")).mapToInt(Integer::parseInt).sum(), ali[11]);
    assertEquals("1.000", held[9], "the held-out split is the sharpness reference");
    String[] sharp = figure(r.out, "sharpness, 1 = held-out split: mimetic / alien \\(pixel noise (N)\\): (N) / (N)");
    assertArrayEquals(new String[] {noise[9], mim[9], ali[9]}, sharp);
    assertTrue(d(noise[9]) > 1.5, "noise is far sharper than the archive: " + noise[9]);
    String[] coherence = figure(r.out, "coherence: held-out / mimetic / alien \\(pixel noise (C), shuffled pixels (C)\\):"
        + " (C) / (C) / (C)");
    assertArrayEquals(new String[] {noise[10], shuffled[10], held[10], mim[10], ali[10]}, coherence);
    assertEquals(0, d(noise[10]), 0.1, "noise has no neighbouring-pixel correlation");
    assertFalse(r.out.contains("a model with a learned density"), "a VAE has no two-stage targets: " + r.out);

    String[] m = figure(r.out, "mimetic pruned precision \\(held-out split: (N)\\): (N)  \\[target >= 0.6 x held-out: (V)\\]");
    assertEquals(held[2], m[0]);
    assertEquals(mim[2], m[1]);
    verdictFollows(m[2], d(m[1]), RegimeFigures.MIMETIC_SHARE * d(m[0]), true);

    String[] a = figure(r.out, "alien pruned precision: (N)  \\[target <= 0.05: (V)\\]");
    assertEquals(ali[2], a[0]);
    verdictFollows(a[1], RegimeFigures.ALIEN_PRUNED_MAX, d(a[0]), true);

    String[] c = figure(r.out, "mimetic copy rate \\(held-out split's own: (N)\\): (N)  \\[target <= held-out's: (V)\\]");
    assertEquals(held[8], c[0]);
    assertEquals(mim[8], c[1]);
    verdictFollows(c[2], d(c[0]), d(c[1]), true);

    String[] plain = figure(r.out, "plain precision: held-out / mimetic / alien / shuffled pixels: (N) / (N) / (N) / (N)");
    assertArrayEquals(new String[] {held[1], mim[1], ali[1], shuffled[1]}, plain);
    String[] noisePruned = figure(r.out, "pruned precision of shuffled pixels / pixel noise: (N) / (N)");
    assertArrayEquals(new String[] {shuffled[2], noise[2]}, noisePruned);
    // The caution: noise inside typical balls more often than a tenth (or than the held-out split, if lower).
    boolean noiseInside = Math.max(d(shuffled[2]), d(noise[2])) > Math.min(0.1, d(held[2]));
    assertEquals(noiseInside, r.out.contains("Caution: on this archive the pixel-structure space puts noise inside"),
        r.out);

    String[] dist = figure(r.out, "alien mean nearest-archive distance \\(pixel noise (N), shuffled pixels (N), held-out (N),"
        + " mimetic (N)\\): (N)  \\[target < both noise baselines: (V)\\]");
    verdictFollows(dist[5], Math.min(d(dist[0]), d(dist[1])), d(dist[4]), false);
  }

  /** The cells after the row's name in the first (pixel-structure) table. */
  static String[] row(String out, String name) {
    String table = out.substring(out.indexOf("pixel-structure space"), out.indexOf("encoder space"));
    return table.lines().filter(l -> l.startsWith("  " + name + "  ")).findFirst()
        .map(l -> l.substring(2 + name.length()).trim().split("\\s+"))
        .orElseThrow(() -> new AssertionError("no row '" + name + "' in\n" + out));
  }

  /** The groups of a figure line; N stands for a printed number, C for one that may be negative, V for a verdict. */
  static String[] figure(String out, String pattern) {
    Matcher m = Pattern.compile(pattern.replace("(N)", "([0-9]+\\.[0-9]{3})").replace("(C)", "(-?[0-9]+\\.[0-9]{3})")
        .replace("(V)", "(met|not met)"))
        .matcher(out);
    assertTrue(m.find(), pattern + " in\n" + out);
    String[] g = new String[m.groupCount()];
    for (int i = 0; i < g.length; i++) {
      g[i] = m.group(i + 1);
    }
    return g;
  }

  /** The verdict is "met" exactly when small <= big (or small < big); printed figures too close to tell are skipped. */
  static void verdictFollows(String verdict, double big, double small, boolean orEqual) {
    if (Math.abs(big - small) < 1e-3 && !(orEqual && big == small)) {
      return;
    }
    boolean met = orEqual ? small <= big : small < big;
    assertEquals(met ? "met" : "not met", verdict, small + (orEqual ? " <= " : " < ") + big);
  }

  static double d(String printed) {
    return Double.parseDouble(printed);
  }

  /** How many images of each kind a measures.jsonl holds. */
  private static Map<String, Integer> kinds(Path jsonl) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines(jsonl)) {
      counts.merge(Json.MAPPER.readTree(line).path("measures").path("kind").asText(), 1, Integer::sum);
    }
    return counts;
  }
}

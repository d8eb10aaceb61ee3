package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import margins.archive.TestImages;
import margins.recipe.Recipe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, sample, recipe and redo from the command line, on one studio trained for two steps. */
class ModelCommandsTest {

  @TempDir static Path tmp;
  static Path studio;

  @BeforeAll
  static void trainATinyStudio() {
    studio = TinyStudio.make(tmp);
  }

  static MarginsTest.Run run(String... args) {
    return TinyStudio.run(studio, args);
  }

  @Test
  void sampleWritesImagesNamedBySeedWithTheirRecipeAndASheet() {
    Path out = tmp.resolve("sample");
    MarginsTest.Run r = run("sample", "--seeds", "3-5", "--psi", "0.7", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(Files.exists(out.resolve("seed0003.png")) && Files.exists(out.resolve("seed0005.png")));
    assertTrue(Files.exists(out.resolve("sheet.png")));
    Recipe recipe = Recipe.of(out.resolve("seed0004.png")).orElseThrow();
    assertEquals(4, recipe.seed());
    assertEquals(0.7, recipe.psi());
    assertEquals("mimetic", recipe.regime());
    assertEquals(8, recipe.latent().length);
    assertEquals(64, recipe.checkpointSha256().length());
    assertTrue(recipe.software().startsWith("margins "), recipe.software());
  }

  @Test
  void aPsiAboveOneIsTheAlienRegime() {
    Path out = tmp.resolve("tail");
    assertEquals(0, run("sample", "--seeds", "1", "--psi", "2", "--out", out.toString()).code);
    Recipe r = Recipe.of(out.resolve("seed0001.png")).orElseThrow();
    assertEquals("alien", r.regime());
    assertEquals("tail", r.sampler());
  }

  @Test
  void recipePrintsTheRecipeAndRedoMakesTheSameBytes() throws Exception {
    Path out = tmp.resolve("redo");
    assertEquals(0, run("sample", "--seeds", "9", "--psi", "1.3", "--out", out.toString()).code);
    Path original = out.resolve("seed0009.png");
    MarginsTest.Run recipe = new MarginsTest.Run("recipe", original.toString());
    assertEquals(0, recipe.code, recipe.err);
    assertTrue(recipe.out.contains("\"seed\" : 9"), recipe.out);
    Path again = tmp.resolve("again.png");
    MarginsTest.Run redo = run("redo", original.toString(), "--out", again.toString());
    assertEquals(0, redo.code, redo.err);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(again));
  }

  @Test
  void theSameSeedGivesTheSameBytesTwice() throws Exception {
    Path a = tmp.resolve("twice-a");
    Path b = tmp.resolve("twice-b");
    run("sample", "--seeds", "11", "--out", a.toString());
    run("sample", "--seeds", "11", "--out", b.toString());
    assertArrayEquals(Files.readAllBytes(a.resolve("seed0011.png")), Files.readAllBytes(b.resolve("seed0011.png")));
  }

  @Test
  void badSeedsAndPsiAreBadUsageAndWriteNothing() {
    Path out = tmp.resolve("bad");
    MarginsTest.Run seeds = run("sample", "--seeds", "9-2", "--out", out.toString());
    assertEquals(2, seeds.code);
    assertTrue(seeds.err.contains("backwards"), seeds.err);
    MarginsTest.Run psi = run("sample", "--psi", "-1", "--out", out.toString());
    assertEquals(2, psi.code);
    assertTrue(psi.err.contains("--psi"), psi.err);
    assertEquals(2, run("sample", "--psi", "lots").code);
    assertFalse(Files.exists(out));
  }

  @Test
  void aPngWithoutARecipeIsAClearFailure() {
    Path plain = TestImages.write(TestImages.solid(8, 8, 0xff0000), "png", tmp.resolve("plain.png"));
    MarginsTest.Run r = new MarginsTest.Run("recipe", plain.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("carries no Margins recipe"), r.err);
    MarginsTest.Run missing = new MarginsTest.Run("recipe", tmp.resolve("nothing.png").toString());
    assertEquals(1, missing.code);
    assertTrue(missing.err.contains("not a file"), missing.err);
  }

  @Test
  void redoInAStudioWithoutTheCheckpointSaysWhere() {
    Path out = tmp.resolve("elsewhere");
    run("sample", "--seeds", "2", "--out", out.toString());
    Path again = tmp.resolve("elsewhere-again.png");
    MarginsTest.Run r = new MarginsTest.Run("redo", "--studio", tmp.resolve("empty").toString(),
        out.resolve("seed0002.png").toString(), "--out", again.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("is not in"), r.err);
    assertFalse(Files.exists(again));
  }

  @Test
  void sampleWithoutATrainedModelSaysWhatToRunFirst() {
    MarginsTest.Run r = new MarginsTest.Run("sample", "--studio", tmp.resolve("fresh").toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("margins train"), r.err);
  }

  @Test
  void trainWithoutAnArchiveSaysToIngestFirst() {
    MarginsTest.Run r = new MarginsTest.Run("train", "--studio", tmp.resolve("fresh2").toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("margins ingest"), r.err);
  }

  @Test
  void dryRunPrintsTheResolvedConfigAndTrainsNothing() {
    long runsBefore = countRuns();
    MarginsTest.Run r = run("train", "--dry-run", "--steps", "9");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("\"steps\" : 9"), r.out);
    assertEquals(runsBefore, countRuns());
  }

  @Test
  void anUnknownDeviceIsBadUsage() {
    MarginsTest.Run r = run("train", "--device", "tpu", "--dry-run");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("auto, cpu or gpu"), r.err);
  }

  @Test
  void everySubcommandHasHelp() {
    for (String c : new String[] {"ingest", "train", "sample", "vary", "recipe", "redo", "demo"}) {
      MarginsTest.Run r = new MarginsTest.Run(c, "--help");
      assertEquals(0, r.code, c);
      assertTrue(r.out.contains("Usage: margins " + c), r.out);
    }
  }

  private static long countRuns() {
    try (Stream<Path> s = Files.list(studio.resolve("runs"))) {
      return s.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

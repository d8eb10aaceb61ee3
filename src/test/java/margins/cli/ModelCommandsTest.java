package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margins.archive.TestImages;
import margins.recipe.Recipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, sample, recipe and redo from the command line, on the shared tiny studio: exit codes and what is written. */
class ModelCommandsTest {

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
    assertEquals(0, run("sample", "--seeds", "11", "--out", a.toString()).code);
    assertEquals(0, run("sample", "--seeds", "11", "--out", b.toString()).code);
    assertArrayEquals(Files.readAllBytes(a.resolve("seed0011.png")), Files.readAllBytes(b.resolve("seed0011.png")));
  }

  @Test
  void badSeedsAndPsiAreBadUsageAndWriteNothing() {
    List<String> before = SharedStudio.listing(studio);
    Path out = tmp.resolve("bad");
    badUsage(run("sample", "--seeds", "9-2", "--out", out.toString()), "backwards");
    badUsage(run("sample", "--psi", "-1", "--out", out.toString()), "--psi");
    badUsage(run("sample", "--psi", "lots"), "--psi");
    assertFalse(Files.exists(out));
    assertEquals(before, SharedStudio.listing(studio));
  }

  @Test
  void aPngWithoutARecipeIsAClearFailureThatLeavesItAlone() throws Exception {
    Path plain = TestImages.write(TestImages.solid(8, 8, 0xff0000), "png", tmp.resolve("plain.png"));
    byte[] before = Files.readAllBytes(plain);
    MarginsTest.Run r = failed(new MarginsTest.Run("recipe", plain.toString()), "carries no Margins recipe");
    assertEquals("", r.out);
    assertArrayEquals(before, Files.readAllBytes(plain));
    failed(run("redo", plain.toString(), "--out", tmp.resolve("plain-again.png").toString()), "carries no Margins recipe");
    assertFalse(Files.exists(tmp.resolve("plain-again.png")));
    failed(new MarginsTest.Run("recipe", tmp.resolve("nothing.png").toString()), "not a file");
  }

  @Test
  void redoInAStudioWithoutTheCheckpointSaysWhereAndWritesNothing() {
    Path out = tmp.resolve("elsewhere");
    assertEquals(0, run("sample", "--seeds", "2", "--out", out.toString()).code);
    Path again = tmp.resolve("elsewhere-again.png");
    Path empty = tmp.resolve("empty");
    failed(new MarginsTest.Run("redo", "--studio", empty.toString(), out.resolve("seed0002.png").toString(),
        "--out", again.toString()), "is not in " + empty);
    assertFalse(Files.exists(again));
    assertFalse(Files.exists(empty));
  }

  @Test
  void sampleWithoutATrainedModelSaysWhatToRunFirstAndWritesNothing() {
    Path fresh = tmp.resolve("fresh");
    failed(new MarginsTest.Run("sample", "--studio", fresh.toString()), "margins train");
    assertFalse(Files.exists(fresh));
  }

  @Test
  void trainWithoutAnArchiveSaysToIngestFirstAndWritesNothing() {
    Path fresh = tmp.resolve("fresh2");
    failed(new MarginsTest.Run("train", "--studio", fresh.toString()), "margins ingest");
    assertFalse(Files.exists(fresh));
  }

  @Test
  void dryRunPrintsTheResolvedConfigAndWritesNothing() {
    List<String> before = SharedStudio.listing(studio);
    MarginsTest.Run r = run("train", "--model", "vae", "--dry-run", "--steps", "9");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("\"steps\" : 9"), r.out);
    assertEquals(before, SharedStudio.listing(studio));
  }

  @Test
  void anUnknownDeviceOrAnOutOfRangeOptionIsBadUsageAndWritesNothing() {
    List<String> before = SharedStudio.listing(studio);
    badUsage(run("train", "--device", "tpu", "--dry-run"), "auto, cpu or gpu");
    badUsage(run("train", "--model", "vae", "--batch", "0", "--steps", "1"), "--batch must be in 1..4096");
    badUsage(run("train", "--model", "vae", "--width", "2", "--steps", "1"), "--width must be in 4..512");
    badUsage(new MarginsTest.Run("bench", "--model", "gan"), "--model: vae or two-stage, not 'gan'");
    assertEquals(before, SharedStudio.listing(studio));
  }

  @Test
  void everySubcommandHasHelp() {
    for (String c : new String[] {"ingest", "train", "sample", "vary", "recipe", "redo", "demo"}) {
      MarginsTest.Run r = new MarginsTest.Run(c, "--help");
      assertEquals(0, r.code, c);
      assertTrue(r.out.contains("Usage: margins " + c), r.out);
      assertEquals("", r.err, c);
    }
  }

  /** Exit 1, a failure the user can act on: says what, and is not reported as a fault of Margins. */
  private static MarginsTest.Run failed(MarginsTest.Run r, String says) {
    assertEquals(1, r.code, r.err);
    assertTrue(r.err.contains(says), r.err);
    assertFalse(r.err.contains("unexpected failure"), r.err);
    return r;
  }

  /** Exit 2, bad usage: the message names what was wrong. */
  private static void badUsage(MarginsTest.Run r, String says) {
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains(says), r.err);
  }
}

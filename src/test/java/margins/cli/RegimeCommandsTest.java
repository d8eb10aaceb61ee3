package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.archive.TestImages;
import margins.model.Model;
import margins.recipe.Recipe;
import margins.sample.Samplers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sample with regimes and samplers, redo of operations, and vary, on the shared tiny studio. */
class RegimeCommandsTest {

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
  void listShowsEverySamplerWithItsRegimeAndParameters() {
    MarginsTest.Run r = new MarginsTest.Run("sample", "--list");
    assertEquals(0, r.code, r.err);
    Samplers.all().forEach(s -> assertTrue(r.out.contains(s.id()), s.id()));
    assertTrue(r.out.contains("alien") && r.out.contains("mimetic"), r.out);
    assertTrue(r.out.contains("alpha in [1, 20] (2.5)"), r.out);
  }

  @Test
  void aRegimeAndASamplerOfItWriteIntoTheSamplersFolder() {
    Path own = SharedStudio.copy(tmp.resolve("own"));
    MarginsTest.Run r = TinyStudio.run(own, "sample", "--regime", "alien", "--sampler", "tail", "--seeds", "0-1");
    assertEquals(0, r.code, r.err);
    Path dir = own.resolve("outputs").resolve(SharedStudio.onlyRun(own).getFileName() + "-tail");
    assertTrue(Files.exists(dir.resolve("seed0001.png")), r.out);
    assertEquals("alien", Recipe.of(dir.resolve("seed0000.png")).orElseThrow().regime());
  }

  @Test
  void theMimeticRegimeAloneUsesItsDefaultSamplerOnTheArchive() {
    Path out = tmp.resolve("mimetic");
    assertEquals(0, run("sample", "--regime", "mimetic", "--seeds", "3", "--out", out.toString()).code);
    Recipe r = Recipe.of(out.resolve("seed0003.png")).orElseThrow();
    assertEquals(Samplers.defaultFor(margins.recipe.Regime.MIMETIC).id(), r.sampler());
    assertTrue(r.parents().get(0).startsWith("archive:"), r.parents().toString());
  }

  @Test
  void psiWithASamplerSetsItsPsiAndIsRefusedBySamplersWithout() {
    Path out = tmp.resolve("psi-param");
    assertEquals(0, run("sample", "--sampler", "aggregate-posterior", "--psi", "0.5", "--seeds", "1",
        "--out", out.toString()).code);
    assertEquals(0.5, Recipe.of(out.resolve("seed0001.png")).orElseThrow().psi());
    Path bad = tmp.resolve("psi-bad");
    MarginsTest.Run r = run("sample", "--sampler", "extrapolate", "--psi", "2", "--out", bad.toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("has no psi"), r.err);
    assertFalse(Files.exists(bad));
  }

  @Test
  void badSamplersRegimesAndParametersAreBadUsageAndWriteNothing() {
    Path out = tmp.resolve("bad");
    MarginsTest.Run mismatch = run("sample", "--regime", "mimetic", "--sampler", "tail", "--out", out.toString());
    assertEquals(2, mismatch.code);
    assertTrue(mismatch.err.contains("is alien, not mimetic"), mismatch.err);
    MarginsTest.Run unknown = run("sample", "--sampler", "daydream", "--out", out.toString());
    assertEquals(2, unknown.code);
    assertTrue(unknown.err.contains("no sampler 'daydream'"), unknown.err);
    MarginsTest.Run regime = run("sample", "--regime", "weird", "--out", out.toString());
    assertEquals(2, regime.code);
    MarginsTest.Run param = run("sample", "--sampler", "extrapolate", "--param", "alpha=50", "--out", out.toString());
    assertEquals(2, param.code);
    assertTrue(param.err.contains("alpha must be in [1.0, 20.0]"), param.err);
    assertFalse(Files.exists(out));
  }

  @Test
  void redoRemakesClusterHybridsAndActivationNoiseByteForByte() throws Exception {
    for (String s : new String[] {"cluster-hybrid", "activation-noise"}) {
      Path out = tmp.resolve("redo-" + s);
      MarginsTest.Run r = run("sample", "--sampler", s, "--seeds", "5", "--param", "layer=up2", "--out", out.toString());
      assertEquals(0, r.code, r.err);
      Path original = out.resolve("seed0005.png");
      assertFalse(Recipe.of(original).orElseThrow().operations().isEmpty(), s);
      Path again = tmp.resolve("again-" + s + ".png");
      assertEquals(0, run("redo", original.toString(), "--out", again.toString()).code);
      assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(again), s);
    }
  }

  @Test
  void noveltySearchRecordsTheNoveltyOfWhatItMadeAndEndsFartherFromTheArchiveThanTheNeighboursItStartsAmong() {
    // An untrained decoder draws nothing with the archive's structure, so this searches for novelty alone.
    Path out = tmp.resolve("novelty");
    MarginsTest.Run r = run("sample", "--sampler", "novelty-search", "--seeds", "0-2", "--param", "generations=6",
        "--param", "structureWeight=0", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    // The search starts from archive codes moved by 0.3 of the spread: archive-neighbours at radius 0.3.
    Path near = tmp.resolve("novelty-start");
    assertEquals(0, run("sample", "--sampler", "archive-neighbours", "--param", "radius=0.3", "--seeds", "0-5",
        "--out", near.toString()).code);
    try (Model model = Model.load(studio, null, null, Device.cpu())) {
      PixelNovelty measure = PixelNovelty.against(studio, model);
      double farthestStart = 0;
      for (int s = 0; s <= 5; s++) {
        float[] z = Recipe.of(near.resolve(String.format("seed%04d.png", s))).orElseThrow().latent();
        farthestStart = Math.max(farthestStart, measure.of(z));
      }
      for (int s = 0; s <= 2; s++) {
        Recipe recipe = Recipe.of(out.resolve(String.format("seed%04d.png", s))).orElseThrow();
        assertEquals(PixelNovelty.K, ((Number) recipe.params().get("neighbours")).intValue());
        double novelty = measure.of(recipe.latent());
        assertEquals(novelty, ((Number) recipe.params().get("novelty")).doubleValue(), 1e-6 * novelty, "seed " + s);
        assertTrue(novelty > farthestStart, "seed " + s + ": " + novelty + " <= " + farthestStart);
      }
    }
  }

  @Test
  void varyMakesKVariationsOfAnImageOutsideTheArchiveNamingItAsParent() {
    Path image = TestImages.write(TestImages.halves(40, 24, 0x2255cc, 0xffcc00), "png", tmp.resolve("outside.png"));
    for (String regime : new String[] {"mimetic", "alien"}) {
      Path out = tmp.resolve("vary-" + regime);
      MarginsTest.Run r = run("vary", image.toString(), "--regime", regime, "--k", "3", "--seed", "7",
          "--out", out.toString());
      assertEquals(0, r.code, r.err);
      assertTrue(Files.exists(out.resolve("sheet.png")));
      Recipe recipe = Recipe.of(out.resolve("seed0009.png")).orElseThrow();
      assertEquals(regime, recipe.regime());
      assertTrue(recipe.parents().get(0).endsWith("outside.png"), recipe.parents().toString());
      assertTrue(recipe.parents().get(1).matches("sha256:[0-9a-f]{64}"), recipe.parents().toString());
    }
  }

  @Test
  void varyOnAMissingOrUnreadableFileFailsClearlyAndWritesNothing() throws Exception {
    Path out = tmp.resolve("vary-missing");
    MarginsTest.Run missing = run("vary", tmp.resolve("nothing.png").toString(), "--regime", "alien",
        "--out", out.toString());
    assertEquals(1, missing.code);
    assertTrue(missing.err.contains("no image file at"), missing.err);
    Path junk = Files.writeString(tmp.resolve("junk.png"), "not an image");
    MarginsTest.Run unreadable = run("vary", junk.toString(), "--regime", "mimetic", "--out", out.toString());
    assertEquals(1, unreadable.code);
    assertTrue(unreadable.err.contains("cannot read"), unreadable.err);
    assertFalse(Files.exists(out));
  }

  @Test
  void varyRefusesASamplerThatCannotVaryAnImage() {
    Path image = TestImages.write(TestImages.solid(8, 8, 0xff0000), "png", tmp.resolve("red.png"));
    MarginsTest.Run r = run("vary", image.toString(), "--regime", "alien", "--sampler", "novelty-search");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("cannot vary an image"), r.err);
  }
}

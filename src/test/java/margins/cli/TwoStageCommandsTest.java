package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import margins.archive.TestImages;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Draw;
import margins.sample.Dream;
import margins.sample.SamplerContext;
import margins.sample.SamplerParams;
import margins.train.RunDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --model two-stage, the dream sampler and redo, from the command line, on a tiny studio of its own. */
class TwoStageCommandsTest {

  @TempDir static Path tmp;
  static Path studio;

  @BeforeAll
  static void trainATinyTwoStageModel() {
    studio = tmp.resolve("studio");
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 24);
    MarginsTest.Run ingest = TinyStudio.run(studio, "ingest", src.toString(), "--size", "32");
    assertEquals(0, ingest.code, ingest.err);
    MarginsTest.Run train = TinyStudio.run(studio, "train", "--model", "two-stage", "--phase-steps", "2,0,2",
        "--batch", "4", "--latent", "8", "--width", "16", "--holdout", "0.2", "--device", "cpu");
    assertEquals(0, train.code, train.err);
    assertTrue(train.out.contains("trained 4 steps"), train.out);
  }

  static MarginsTest.Run run(String... args) {
    return TinyStudio.run(studio, args);
  }

  @Test
  void aDreamIsMadeAgainBitForBitFromItsRecipe() throws Exception {
    Path out = tmp.resolve("dreams");
    MarginsTest.Run sample = run("sample", "--sampler", "dream", "--seeds", "3,4", "--out", out.toString());
    assertEquals(0, sample.code, sample.err);
    Path original = out.resolve("seed0003.png");
    MarginsTest.Run recipe = new MarginsTest.Run("recipe", original.toString());
    assertTrue(recipe.out.contains("\"dream\""), recipe.out);
    Path again = tmp.resolve("dream-again.png");
    MarginsTest.Run redo = run("redo", original.toString(), "--out", again.toString());
    assertEquals(0, redo.code, redo.err);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(again));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(original), Files.readAllBytes(out.resolve("seed0004.png"))));
  }

  @Test
  void theDensitysTailsAreAnAlienSamplerAndAVaeHasNoDensityToDrawFromWhichIsBadUsage() {
    MarginsTest.Run tail = run("sample", "--sampler", "density-tail", "--seeds", "1", "--out",
        tmp.resolve("tail").toString());
    assertEquals(0, tail.code, tail.err);
    assertTrue(tail.out.contains("density-tail, alien"), tail.out);
    MarginsTest.Run onVae = SharedStudio.run("sample", "--sampler", "dream", "--seeds", "1", "--out",
        tmp.resolve("vae-dream").toString());
    assertEquals(2, onVae.code);
    assertFalse(Files.exists(tmp.resolve("vae-dream")), "nothing written");
    assertTrue(onVae.err.contains("has none") && onVae.err.contains("--model two-stage"), onVae.err);
  }

  @Test
  void psiWidensTheDreamsSpreadAroundTheirMean() {
    try (Model model = Model.load(studio, null, null, Device.cpu())) {
      Generator gen = new Generator(model);
      List<Long> seeds = LongStream.range(0, 32).boxed().toList();
      double narrow = spread(new Dream().draw(SamplerContext.withoutArchive(gen,
          new SamplerParams(Map.of("psi", "0.3"))), seeds));
      double wide = spread(new Dream().draw(SamplerContext.withoutArchive(gen,
          new SamplerParams(Map.of("psi", "2"))), seeds));
      assertTrue(wide > 1.5 * narrow, "psi 0.3: " + narrow + ", psi 2: " + wide);
    }
  }

  @Test
  void beyondTakesEachDreamReachTimesFurtherFromTheCodesMean() {
    try (Model model = Model.load(studio, null, null, Device.cpu())) {
      Generator gen = new Generator(model);
      List<Long> seeds = List.of(5L, 6L);
      List<Draw> dreams = new Dream().draw(SamplerContext.withoutArchive(gen, new SamplerParams(Map.of())), seeds);
      List<Draw> far = new margins.sample.Beyond().draw(SamplerContext.withoutArchive(gen,
          new SamplerParams(Map.of("reach", "3"))), seeds);
      float[] mean = model.density().mean();
      for (int i = 0; i < seeds.size(); i++) {
        for (int j = 0; j < mean.length; j++) {
          float expected = mean[j] + 3 * (dreams.get(i).latent()[j] - mean[j]);
          assertEquals(expected, far.get(i).latent()[j], 1e-4);
        }
      }
    }
    MarginsTest.Run onVae = SharedStudio.run("sample", "--sampler", "beyond", "--seeds", "1", "--out",
        tmp.resolve("vae-beyond").toString());
    assertEquals(2, onVae.code);
    assertFalse(Files.exists(tmp.resolve("vae-beyond")), "nothing written");
  }

  @Test
  void aWalkBetweenSeedsOnATwoStageModelWalksBetweenTheirDreams() throws Exception {
    Path out = tmp.resolve("walk");
    MarginsTest.Run walk = run("walk", "3", "4", "--mode", "lerp", "--frames", "2", "--format", "png",
        "--no-measure", "--out", out.toString());
    assertEquals(0, walk.code, walk.err);
    float[] first = margins.recipe.Recipe.of(out.resolve("frames").resolve("frame-0000.png")).orElseThrow().latent();
    assertArrayEquals(dreamOf(3), first, 1e-5f);
  }

  @Test
  void bendingSeedsOnATwoStageModelBendsTheirDreams() throws Exception {
    Path out = tmp.resolve("bent");
    MarginsTest.Run bend = run("bend", "--seeds", "5", "--op", "up1:flip-h", "--no-measure", "--out", out.toString());
    assertEquals(0, bend.code, bend.err);
    float[] bent = margins.recipe.Recipe.of(out.resolve("seed0005.png")).orElseThrow().latent();
    assertArrayEquals(dreamOf(5), bent, 1e-5f);
  }

  /** The code the dream sampler draws for a seed at its default psi, from the tiny model. */
  static float[] dreamOf(long seed) {
    try (Model model = Model.load(studio, null, null, Device.cpu())) {
      return new Dream().draw(SamplerContext.withoutArchive(new Generator(model), new SamplerParams(Map.of())),
          List.of(seed)).get(0).latent();
    }
  }

  /** The mean distance of the codes from their own mean. */
  static double spread(List<Draw> draws) {
    int l = draws.get(0).latent().length;
    double[] mean = new double[l];
    draws.forEach(d -> {
      for (int j = 0; j < l; j++) {
        mean[j] += d.latent()[j] / (double) draws.size();
      }
    });
    double s = 0;
    for (Draw d : draws) {
      double q = 0;
      for (int j = 0; j < l; j++) {
        q += (d.latent()[j] - mean[j]) * (d.latent()[j] - mean[j]);
      }
      s += Math.sqrt(q) / draws.size();
    }
    return s;
  }

  @Test
  void aBadPresetIsAUsageErrorThatListsThePresetsAndStartsNoRun() {
    MarginsTest.Run r = run("train", "--model", "two-stage", "--preset", "fast");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("quick") && r.err.contains("standard") && r.err.contains("long"), r.err);
    MarginsTest.Run m = run("train", "--model", "gan");
    assertEquals(2, m.code);
    assertTrue(m.err.contains("vae") && m.err.contains("two-stage"), m.err);
    assertEquals(1, RunDir.list(studio).size());
  }

  @Test
  void onATwoStageModelTheMimeticDefaultDreamsAndPsiAloneActsOnTheDensity() {
    MarginsTest.Run mimetic = run("sample", "--regime", "mimetic", "--seeds", "1", "--no-measure", "--out",
        tmp.resolve("mimetic-default").toString());
    assertEquals(0, mimetic.code, mimetic.err);
    assertTrue(mimetic.out.contains("(dream, mimetic)"), mimetic.out);
    MarginsTest.Run low = run("sample", "--psi", "0.7", "--seeds", "1", "--no-measure", "--out",
        tmp.resolve("psi-low").toString());
    assertTrue(low.out.contains("(dream, mimetic)"), low.out);
    MarginsTest.Run high = run("sample", "--psi", "2", "--seeds", "1", "--no-measure", "--out",
        tmp.resolve("psi-high").toString());
    assertTrue(high.out.contains("(density-tail, alien)"), high.out);
    MarginsTest.Run onVae = SharedStudio.run("sample", "--psi", "0.7", "--seeds", "1", "--no-measure", "--out",
        tmp.resolve("vae-psi").toString());
    assertTrue(onVae.out.contains("(truncated, mimetic)"), onVae.out);
  }

  @Test
  void theAlienDefaultSearchesFurtherOnATwoStageModelAndItsRecipeSaysHowFar() {
    Path out = tmp.resolve("alien-default");
    MarginsTest.Run alien = run("sample", "--regime", "alien", "--seeds", "2", "--no-measure", "--out",
        out.toString());
    assertEquals(0, alien.code, alien.err);
    assertTrue(alien.out.contains("(novelty-search, alien)"), alien.out);
    String recipe = new MarginsTest.Run("recipe", out.resolve("seed0002.png").toString()).out;
    assertTrue(recipe.matches("(?s).*\"generations\"\\s*:\\s*8\\b.*"), recipe);
    assertTrue(recipe.matches("(?s).*\"sigma\"\\s*:\\s*1\\.5\\b.*"), recipe);
  }

  @Test
  void aTwoStageRunDrawsItsLossCurvePhaseByPhase() throws Exception {
    Path png = RunDir.list(studio).get(0).dir().resolve("loss.png");
    assertTrue(Files.size(png) > 1000, png + " is a picture");
  }

  @Test
  void theTwoStageModelIsTheDefaultAndStepsThatOnlyAVaeTakesAreBadUsage() {
    MarginsTest.Run dry = run("train", "--dry-run", "--latent", "8", "--width", "16");
    assertEquals(0, dry.code, dry.err);
    assertTrue(dry.out.contains("\"twoStage\" : {"), dry.out);
    MarginsTest.Run steps = run("train", "--steps", "5");
    assertEquals(2, steps.code);
    assertTrue(steps.err.contains("--model vae") && steps.err.contains("--preset"), steps.err);
    assertEquals(1, RunDir.list(studio).size());
  }

  @Test
  void theDemoRefusesAnUnknownPresetOrModelAndVaeStepsOnTheTwoStageModelWritingNothing() {
    Path fresh = tmp.resolve("demo-studio");
    for (String[] args : List.of(new String[] {"--preset", "fast"}, new String[] {"--model", "gan"},
        new String[] {"--steps", "5"})) {
      String[] all = new String[args.length + 3];
      all[0] = "demo";
      all[1] = "--studio";
      all[2] = fresh.toString();
      System.arraycopy(args, 0, all, 3, args.length);
      MarginsTest.Run r = new MarginsTest.Run(all);
      assertEquals(2, r.code, String.join(" ", args) + ": " + r.err);
      assertFalse(Files.exists(fresh), "nothing written");
    }
  }

  @Test
  void benchRegimesJudgesDreamsReconstructionsAndAlienCoherenceOnATwoStageModel() {
    MarginsTest.Run r = new MarginsTest.Run("bench", "regimes", "--studio", studio.toString(), "--n", "6",
        "--device", "cpu");
    assertEquals(0, r.code, r.err);
    String[] held = MeasureCommandsTest.row(r.out, "held-out archive (reference)");
    String[] recon = MeasureCommandsTest.row(r.out, "held-out, encoded and decoded");
    String[] dream = MeasureCommandsTest.row(r.out, "mimetic (dream)");
    String alienName = "alien (" + margins.sample.Samplers.defaultFor(margins.recipe.Regime.ALIEN, true).id() + ")";
    String[] alien = MeasureCommandsTest.row(r.out, alienName);
    assertTrue(r.out.contains("a model with a learned density (two-stage):"), r.out);
    String[] p = MeasureCommandsTest.figure(r.out, "mimetic \\(dream\\) pruned precision \\(held-out split: (N)\\): (N)"
        + "  \\[target >= 0.8 x held-out: (V)\\]");
    assertEquals(held[2], p[0]);
    assertEquals(dream[2], p[1]);
    MeasureCommandsTest.verdictFollows(p[2], MeasureCommandsTest.d(p[1]), 0.8 * MeasureCommandsTest.d(p[0]), true);
    String[] s = MeasureCommandsTest.figure(r.out, "mimetic \\(dream\\) sharpness \\(1 = held-out split\\): (N)"
        + "  \\[target >= 0.85: (V)\\]");
    assertEquals(dream[9], s[0]);
    MeasureCommandsTest.verdictFollows(s[1], MeasureCommandsTest.d(s[0]), 0.85, true);
    String[] rs = MeasureCommandsTest.figure(r.out, "reconstructions of held-out images: sharpness: (N)"
        + "  \\[target >= 0.9: (V)\\]");
    assertEquals(recon[9], rs[0]);
    MeasureCommandsTest.verdictFollows(rs[1], MeasureCommandsTest.d(rs[0]), 0.9, true);
    String[] c = MeasureCommandsTest.figure(r.out, java.util.regex.Pattern.quote(alienName)
        + " coherence \\(held-out split: (C)\\): (C)  \\[target within 0.1 of held-out: (V)\\]");
    assertEquals(held[10], c[0]);
    assertEquals(alien[10], c[1]);
    double gap = Math.abs(MeasureCommandsTest.d(c[1]) - MeasureCommandsTest.d(c[0]));
    MeasureCommandsTest.verdictFollows(c[2], 0.1, gap, true);
  }

  @Test
  void theHelpSaysWhatEachPresetCosts() {
    MarginsTest.Run help = new MarginsTest.Run("train", "--help");
    for (String s : List.of("quick", "standard", "long", "min")) {
      assertTrue(help.out.contains(s), s + " in " + help.out);
    }
  }
}

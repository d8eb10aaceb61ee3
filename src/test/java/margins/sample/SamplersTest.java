package margins.sample;

import margins.math.VectorMath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.math.Gmm;
import margins.math.KMeans;
import margins.model.Codes;
import margins.recipe.Draw;
import org.junit.jupiter.api.Test;

/** The samplers that choose latents from the codes alone, on a hand-made encoded archive of 40 items. */
class SamplersTest {

  static final int D = 4;

  /** Four blobs of ten codes in four dimensions; archive indices are 100 + row. */
  static SamplerContext context(Map<String, String> params) {
    Random r = new Random(11);
    float[][] mu = new float[40][D];
    float[][] lv = new float[40][D];
    for (int i = 0; i < 40; i++) {
      for (int t = 0; t < D; t++) {
        mu[i][t] = (t == i / 10 ? 4f : 0f) + (float) (0.3 * r.nextGaussian());
        lv[i][t] = -2f;
      }
    }
    int[] items = new int[40];
    Arrays.setAll(items, i -> 100 + i);
    return SamplerContext.ofCodes(new Codes(mu, lv), items, new SamplerParams(params));
  }

  static final List<String> CODE_SAMPLERS = List.of(Truncated.ID, Tail.ID, ArchiveNeighbours.ID,
      AggregatePosterior.ID, Posterior.ID, Extrapolate.ID, LowDensity.ID, ClusterHybrid.ID, ActivationNoiseSampler.ID);

  @Test
  void theSameSeedsGiveTheSameLatentsAndOtherSeedsDiffer() {
    for (String id : CODE_SAMPLERS) {
      Sampler s = Samplers.byId(id);
      List<Draw> a = s.draw(context(Map.of()), List.of(1L, 2L));
      List<Draw> b = s.draw(context(Map.of()), List.of(1L, 2L));
      List<Draw> alone = s.draw(context(Map.of()), List.of(2L));
      assertArrayEquals(a.get(0).latent(), b.get(0).latent(), id);
      assertArrayEquals(a.get(1).latent(), alone.get(0).latent(), id + ": a draw depends on its own seed only");
      assertEquals(a.get(0).operations(), b.get(0).operations(), id);
      assertFalse(Arrays.equals(a.get(0).latent(), a.get(1).latent())
          && a.get(0).operations().equals(a.get(1).operations()), id + ": seeds 1 and 2 gave the same draw");
    }
  }

  /** For every parameter of every sampler, a value out of its range and what the error must name. */
  static final Map<String, Map<String, String>> BAD = Map.ofEntries(
      Map.entry(Truncated.ID, Map.of("psi", "1.5")),
      Map.entry(Dream.ID, Map.of("psi", "4")),
      Map.entry(DensityTail.ID, Map.of("psi", "0.5")),
      Map.entry(Beyond.ID, Map.of("reach", "0.5", "psi", "4")),
      Map.entry(Tail.ID, Map.of("psi", "0.5", "shell", "11")),
      Map.entry(ArchiveNeighbours.ID, Map.of("radius", "-1")),
      Map.entry(AggregatePosterior.ID, Map.of("k", "0", "psi", "2")),
      Map.entry(Posterior.ID, Map.of("scale", "9")),
      Map.entry(Extrapolate.ID, Map.of("alpha", "0.5", "k", "1000")),
      Map.entry(LowDensity.ID, Map.of("candidates", "0", "inflate", "0.5", "cap", "0", "k", "2.5")),
      Map.entry(NoveltySearch.ID, Map.of("population", "1", "generations", "101", "sigma", "-1", "neighbours", "0",
          "structureWeight", "5")),
      Map.entry(ClusterHybrid.ID, Map.of("k", "1", "mask", "stripes")),
      Map.entry(ActivationNoiseSampler.ID, Map.of("strength", "-1", "base", "nothing", "psi", "4", "radius", "6")));

  @Test
  void everyParameterOutOfRangeIsRefusedNamingWhatIsAllowed() {
    assertEquals(Samplers.all().size(), BAD.size());
    for (var e : BAD.entrySet()) {
      Sampler s = Samplers.byId(e.getKey());
      assertEquals(s.parameters().stream().filter(p -> !p.equals("layer")).sorted().toList(),
          e.getValue().keySet().stream().sorted().toList(), "every parameter of " + s.id() + " is tried");
      for (var bad : e.getValue().entrySet()) {
        // No model and no codes: a bad value must be refused before anything is fitted or decoded.
        SamplerContext ctx = new SamplerContext(null, null, new int[0], new int[0],
            new SamplerParams(Map.of(bad.getKey(), bad.getValue())));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
            () -> s.draw(ctx, List.of(0L)), s.id() + " " + bad);
        assertTrue(x.getMessage().startsWith(bad.getKey() + " must be"), x.getMessage());
        assertTrue(x.getMessage().contains("[") || x.getMessage().contains("one of"), x.getMessage());
      }
    }
  }

  @Test
  void anUnknownParameterIsRefusedWithTheListOfKnownOnes() {
    var x = assertThrows(IllegalArgumentException.class,
        () -> Samplers.byId(Extrapolate.ID).draw(context(Map.of("beta", "2")), List.of(0L)));
    assertTrue(x.getMessage().contains("[alpha, k]"), x.getMessage());
  }

  @Test
  void archiveNeighboursStayNearTheirItemAndNameItAsParent() {
    SamplerContext ctx = context(Map.of("radius", "0.1"));
    for (Draw d : Samplers.byId(ArchiveNeighbours.ID).draw(ctx, List.of(0L, 1L, 2L))) {
      int item = (Integer) d.params().get("item");
      assertEquals(List.of("archive:" + item), d.parents());
      float[] mu = ctx.codes().means()[item - 100];
      assertTrue(Math.sqrt(VectorMath.squaredDistance(mu, d.latent())) < 1.0, "within a small radius");
    }
  }

  @Test
  void extrapolateMovesEachItemAwayFromItsCentreByAlpha() {
    SamplerContext ctx = context(Map.of("alpha", "3", "k", "4"));
    KMeans km = Fits.kmeans(ctx, 4);
    for (Draw d : Samplers.byId(Extrapolate.ID).draw(ctx, List.of(0L, 1L, 2L, 3L))) {
      int row = (Integer) d.params().get("item") - 100;
      float[] mu = ctx.codes().means()[row];
      float[] c = km.centres()[(Integer) d.params().get("cluster")];
      assertEquals(km.nearest(mu), d.params().get("cluster"));
      for (int t = 0; t < D; t++) {
        assertEquals(3 * (mu[t] - c[t]), d.latent()[t] - c[t], 1e-4);
      }
      assertEquals(List.of("archive:" + (row + 100)), d.parents());
    }
  }

  @Test
  void lowDensityPicksPointsThinnerThanTheMixturesOwnDraws() {
    SamplerContext ctx = context(Map.of("candidates", "64"));
    Gmm g = Fits.gmm(ctx, 16);
    Random r = new Random(1);
    double own = 0;
    for (int i = 0; i < 200; i++) {
      own += g.logDensity(g.sample(r, 1.0)) / 200;
    }
    for (Draw d : Samplers.byId(LowDensity.ID).draw(ctx, List.of(0L, 1L, 2L, 3L, 4L))) {
      double ld = (Double) d.params().get("logDensity");
      assertEquals(g.logDensity(d.latent()), ld, 1e-9);
      assertTrue(ld < own, ld + " is not below the mixture's own draws' mean " + own);
      assertTrue(VectorMath.norm(d.latent()) <= Fits.maxNorm(ctx) + 1e-6, "within the norm cap");
    }
  }

  @Test
  void clusterHybridsMixItemsOfTwoDifferentClustersInTheRecipe() {
    SamplerContext ctx = context(Map.of("k", "4", "mask", "disc", "layer", "up1"));
    for (Draw d : Samplers.byId(ClusterHybrid.ID).draw(ctx, List.of(0L, 1L, 2L))) {
      List<?> clusters = (List<?>) d.params().get("clusters");
      assertFalse(clusters.get(0).equals(clusters.get(1)));
      assertEquals(2, d.parents().size());
      assertEquals("mix", d.operations().get(0).path("kind").asText());
      assertEquals("disc", d.operations().get(0).path("mask").asText());
      assertEquals(D, d.operations().get(0).path("other").size());
    }
  }

  @Test
  void tailOnAShellPutsEveryLatentAtTheShellsRadius() {
    for (Draw d : Samplers.byId(Tail.ID).draw(context(Map.of("shell", "3")), List.of(0L, 9L))) {
      assertEquals(3 * Math.sqrt(D), VectorMath.norm(d.latent()), 1e-4);
    }
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.byId(Tail.ID).draw(context(Map.of("shell", "3", "psi", "2")), List.of(0L)));
  }

  @Test
  void activationNoiseRecordsANoiseOperationAtTheChosenLayer() {
    Draw d = Samplers.byId(ActivationNoiseSampler.ID)
        .draw(context(Map.of("strength", "0.5", "layer", "fc")), List.of(4L)).get(0);
    assertEquals("noise", d.operations().get(0).path("kind").asText());
    assertEquals("fc", d.operations().get(0).path("layer").asText());
    assertEquals(0.5, d.operations().get(0).path("strength").asDouble());
  }

  @Test
  void aSourceIsVariedInsteadOfArchiveItems() {
    Source src = new Source(new float[] {9, 9, 9, 9}, new float[] {-4, -4, -4, -4}, List.of("file:/x.png", "sha256:ab"));
    SamplerContext ctx = context(Map.of()).withSource(src);
    for (String id : varyingIds()) {
      Draw d = Samplers.byId(id).draw(ctx, List.of(3L)).get(0);
      assertEquals(src.parents(), d.parents(), id);
    }
    Draw p = Samplers.byId(Posterior.ID).draw(ctx, List.of(3L)).get(0);
    assertTrue(Math.sqrt(VectorMath.squaredDistance(p.latent(), src.mean())) < 1.0, "within the posterior spread");
  }

  private static List<String> varyingIds() {
    return Samplers.all().stream().filter(Sampler::takesSource).map(Sampler::id).toList();
  }

  @Test
  void aModelWithADensityDreamsByDefaultAndAVaeIsNeverOfferedASamplerItCannotRun() {
    assertEquals(Dream.ID, Samplers.defaultFor(margins.recipe.Regime.MIMETIC, true).id());
    assertEquals(ArchiveNeighbours.ID, Samplers.defaultFor(margins.recipe.Regime.MIMETIC, false).id());
    assertEquals(Dream.ID, Sampling.forPsi(0.7, true).id());
    assertEquals(DensityTail.ID, Sampling.forPsi(2, true).id());
    assertEquals(Truncated.ID, Sampling.forPsi(0.7, false).id());
    assertEquals(Tail.ID, Sampling.forPsi(2, false).id());
    List<String> vae = Samplers.usable(false).stream().map(Sampler::id).toList();
    assertFalse(vae.contains(Dream.ID) || vae.contains(DensityTail.ID), vae.toString());
    assertEquals(Samplers.all().size(), Samplers.usable(true).size());
  }
}

package margins.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.recipe.Draw;
import margins.recipe.Regime;

/**
 * Alien: a small evolutionary search, one per output and seeded by it, for latents whose decoded images lie far from
 * the archive in the pixel-structure space while keeping a structure score (see {@link PixelJudge}).
 *
 * <p>The search starts from archive neighbours (codes moved by 0.3 of the spread), so it begins among familiar
 * forms. Fitness is novelty times structure to the power {@code structureWeight} (1 by default; 0 searches for
 * novelty alone), novelty being the mean distance to the {@code neighbours} nearest of
 * the archive and of what this search has already found; each generation adds its best image to that found archive
 * (pushing the search on to somewhere else), keeps the better half, and refills with mutations of it
 * ({@code z + sigma * spread * N(0, I)}). The output is the fittest of the last population. Its recipe records its
 * novelty against the archive alone, its structure, the starting population's mean novelty and the found count.
 */
public final class NoveltySearch extends DescribedSampler {

  public static final String ID = "novelty-search";
  private static final long SALT = 0x70E17L;

  public NoveltySearch() {
    super(ID, Regime.ALIEN,
        "an evolutionary search for images far from the archive (pixel-structure space) that keep a structure",
        "population in [2, 256] (8), generations in [0, 100] (4; 8 on a two-stage model), sigma in [0, 5] (0.5;"
            + " 1.5 on a two-stage model), neighbours in [1, 50] (5), structureWeight in [0, 4] (1.0)",
        "population", "generations", "sigma", "neighbours", "structureWeight");
  }

  /** One individual: its latent, its features, and its structure score. */
  private record Individual(float[] z, float[] features, double structure) {}

  @Override
  public List<Draw> draw(SamplerContext ctx, List<Long> seeds) {
    SamplerParams p = ctx.params();
    p.allowOnly(ID, parameters());
    int population = p.integer("population", 8, 2, 256);
    // A two-stage model's decoder keeps to the archive's forms near its codes: the search must go further and longer
    // (demo archive, 64 px: pruned precision 0.26 at 4 generations of sigma 0.5, 0.00 at 8 of 1.5; a VAE: 0.00 at 4).
    boolean density = ctx.hasDensity();
    int generations = p.integer("generations", density ? 8 : 4, 0, 100);
    double sigma = p.number("sigma", density ? 1.5 : 0.5, 0, 5);
    int neighbours = p.integer("neighbours", 5, 1, 50);
    double weight = p.number("structureWeight", 1.0, 0, 4);
    PixelJudge judge = PixelJudge.of(ctx);
    float[] spread = Fits.spread(ctx);
    float[][] codes = ctx.codes().means();
    List<Draw> out = new ArrayList<>();
    for (long s : seeds) {
      Random r = Rng.of(s, SALT);
      List<float[]> start = new ArrayList<>();
      for (int i = 0; i < population; i++) {
        start.add(ArchiveNeighbours.near(codes[r.nextInt(codes.length)], spread, 0.3, r));
      }
      List<Individual> pop = evaluate(ctx, judge, start);
      double startNovelty = pop.stream().mapToDouble(x -> judge.novelty(x.features(), List.of(), neighbours))
          .average().orElse(0);
      List<float[]> found = new ArrayList<>();
      List<Individual> seen = new ArrayList<>(pop);
      for (int g = 0; g < generations; g++) {
        pop = ranked(pop, judge, found, neighbours, weight);
        found.add(pop.get(0).features());
        List<Individual> kept = new ArrayList<>(pop.subList(0, (population + 1) / 2));
        List<float[]> children = new ArrayList<>();
        for (int i = kept.size(); i < population; i++) {
          children.add(ArchiveNeighbours.near(kept.get(i - kept.size()).z(), spread, sigma, r));
        }
        List<Individual> born = evaluate(ctx, judge, children);
        seen.addAll(born);
        kept.addAll(born);
        pop = kept;
      }
      // The found archive steers the search away from itself; the output is the most novel thing the search saw.
      Individual best = ranked(seen, judge, List.of(), neighbours, weight).get(0);
      found.add(best.features());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("population", population);
      m.put("generations", generations);
      m.put("sigma", sigma);
      m.put("neighbours", neighbours);
      m.put("structureWeight", weight);
      m.put("novelty", judge.novelty(best.features(), List.of(), neighbours));
      m.put("structure", best.structure());
      m.put("startNovelty", startNovelty);
      m.put("found", found.size());
      out.add(Draw.of(s, best.z(), m));
    }
    return out;
  }

  private static List<Individual> evaluate(SamplerContext ctx, PixelJudge judge, List<float[]> latents) {
    if (latents.isEmpty()) {
      return List.of();
    }
    List<float[]> images = PixelJudge.decode(ctx.model().vae(), latents);
    float[][] f = judge.embed(images);
    List<Individual> out = new ArrayList<>();
    for (int i = 0; i < latents.size(); i++) {
      out.add(new Individual(latents.get(i), f[i], judge.structure(images.get(i))));
    }
    return out;
  }

  /** The population by fitness (novelty against archive and found, times structure^weight), best first; ties by order. */
  private static List<Individual> ranked(List<Individual> pop, PixelJudge judge, List<float[]> found, int k,
      double weight) {
    double[] fit = new double[pop.size()];
    for (int i = 0; i < fit.length; i++) {
      fit[i] = judge.novelty(pop.get(i).features(), found, k) * Math.pow(pop.get(i).structure(), weight);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fit.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -fit[i]).thenComparing(i -> i));
    return order.stream().map(pop::get).toList();
  }
}

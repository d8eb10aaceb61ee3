package margins.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import margins.BadParameter;
import margins.bend.Operations;
import margins.model.Generator;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.recipe.Regime;

/** Sampling: a sampler chooses latents for the seeds, the outputs are decoded, measured and written. */
public final class Sampling {

  /**
   * What `margins sample` will do, resolved from its options before any model is loaded.
   *
   * @param sampler the sampler
   * @param params its parameters
   * @param folder the default output folder's suffix after the run's id ("archive-neighbours", "psi0.7")
   */
  public record Plan(Sampler sampler, SamplerParams params, String folder) {}

  private Sampling() {}

  /** The sampler psi alone implies on a VAE: below or at 1 `truncated` (mimetic), above 1 `tail` (alien). */
  public static Sampler forPsi(double psi) {
    return forPsi(psi, false);
  }

  /**
   * The sampler psi alone implies: on a model with a learned density, `dream` up to 1 and `density-tail` above
   * (psi acts on the density); on a VAE `truncated` and `tail` (psi acts on the Gaussian prior).
   */
  public static Sampler forPsi(double psi, boolean density) {
    if (!(psi > 0 && psi <= 10)) {
      throw new BadParameter("--psi must be in (0, 10], not " + psi);
    }
    if (density) {
      return Samplers.byId(psi <= 1.0 ? Dream.ID : DensityTail.ID);
    }
    return Samplers.byId(psi <= 1.0 ? Truncated.ID : Tail.ID);
  }

  /**
   * Resolves the options: a sampler by id (which must belong to the regime if one is given), else the regime's
   * default, else the sampler psi implies (`--psi` alone works as it always has), else the mimetic default. With a
   * sampler, psi sets its "psi" parameter and is refused by samplers without one.
   */
  public static Plan plan(String regime, String samplerId, Double psi, Map<String, String> params) {
    return plan(regime, samplerId, psi, params, false);
  }

  /** The same on a model with (true) or without a learned density: defaults and psi alone follow the model. */
  public static Plan plan(String regime, String samplerId, Double psi, Map<String, String> params,
      boolean density) {
    Map<String, String> p = new TreeMap<>(params == null ? Map.of() : params);
    Regime r = regime == null ? null : Regime.parse(regime);
    if (samplerId == null && r == null && psi != null) {
      Sampler s = forPsi(psi, density);
      putPsi(p, s, psi);
      return new Plan(s, new SamplerParams(p), "psi" + psi);
    }
    Sampler s = samplerId != null ? Samplers.byId(samplerId)
        : Samplers.defaultFor(r == null ? Regime.MIMETIC : r, density);
    if (r != null && s.regime() != r) {
      throw new BadParameter("sampler " + s.id() + " is " + s.regime().id() + ", not " + r.id()
          + "; see margins sample --list");
    }
    if (psi != null) {
      if (!s.parameters().contains("psi")) {
        throw new BadParameter("--psi: sampler " + s.id() + " has no psi; it takes " + s.usage());
      }
      putPsi(p, s, psi);
    }
    return new Plan(s, new SamplerParams(p), s.id());
  }

  private static void putPsi(Map<String, String> p, Sampler s, double psi) {
    if (p.containsKey("psi")) {
      throw new BadParameter("give psi once: --psi or --param psi=, not both");
    }
    p.put("psi", Double.toString(psi));
  }

  /** Draws with the plan's sampler in the studio's context, then decodes, measures and writes into `out`. */
  public static Outputs.Written sample(Path studio, Generator gen, Plan plan, List<Long> seeds, Path out,
      Measurer measurer, String software) {
    return sample(studio, gen, plan, seeds, out, measurer, software, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of each chunk as it is written (the store registers them). */
  public static Outputs.Written sample(Path studio, Generator gen, Plan plan, List<Long> seeds, Path out,
      Measurer measurer, String software, Outputs.Sink sink) {
    SamplerContext ctx = plan.sampler().needsArchive()
        ? SamplerContext.of(studio, gen, plan.params())
        : SamplerContext.withoutArchive(gen, plan.params());
    return run(ctx, plan.sampler(), seeds, out, measurer, software, sink);
  }

  /** Draws with the sampler, then decodes, measures and writes the outputs into `out`. */
  public static Outputs.Written run(SamplerContext ctx, Sampler sampler, List<Long> seeds, Path out,
      Measurer measurer, String software) {
    return run(ctx, sampler, seeds, out, measurer, software, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of each chunk as it is written. */
  public static Outputs.Written run(SamplerContext ctx, Sampler sampler, List<Long> seeds, Path out,
      Measurer measurer, String software, Outputs.Sink sink) {
    Generator gen = ctx.generator();
    return Outputs.write(gen, sampler.regime(), sampler.id(), sampler.draw(ctx, seeds),
        ops -> Operations.hook(ops, gen.model().vae()), out, measurer, software, sink);
  }

  /** Samples at psi alone, without the archive (what `sample --psi` does; see {@link #forPsi(double, boolean)}). */
  public static Outputs.Written psi(Generator gen, List<Long> seeds, double psi, Path out, Measurer measurer,
      String software) {
    return psi(gen, seeds, psi, out, measurer, software, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of each chunk as it is written. */
  public static Outputs.Written psi(Generator gen, List<Long> seeds, double psi, Path out, Measurer measurer,
      String software, Outputs.Sink sink) {
    Sampler s = forPsi(psi, gen.model().density() != null);
    SamplerContext ctx = SamplerContext.withoutArchive(gen, new SamplerParams(Map.of("psi", Double.toString(psi))));
    return run(ctx, s, seeds, out, measurer, software, sink);
  }

}

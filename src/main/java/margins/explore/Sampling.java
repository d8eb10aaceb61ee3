package margins.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import margins.explore.regime.Params;
import margins.explore.regime.Sampler;
import margins.explore.regime.SamplerContext;
import margins.explore.regime.Samplers;
import margins.explore.regime.Tail;
import margins.explore.regime.Truncated;

/** Sampling: a sampler chooses latents for the seeds, the outputs are decoded, measured and written. */
public final class Sampling {

  private Sampling() {}

  /** The sampler psi alone implies: below or at 1 `truncated` (mimetic), above 1 `tail` (alien). */
  public static Sampler forPsi(double psi) {
    if (!(psi > 0 && psi <= 10)) {
      throw new IllegalArgumentException("--psi must be in (0, 10], not " + psi);
    }
    return Samplers.byId(psi <= 1.0 ? Truncated.ID : Tail.ID);
  }

  /** Draws with the sampler, then decodes, measures and writes the outputs into `out`. */
  public static Outputs.Written run(SamplerContext ctx, Sampler sampler, List<Long> seeds, Path out,
      Measurer measurer, String software) {
    return Outputs.write(ctx.generator(), sampler, sampler.draw(ctx, seeds), out, measurer, software);
  }

  /** Prior samples at psi, without the archive (what `sample --psi` does on any model). */
  public static Outputs.Written psi(Generator gen, List<Long> seeds, double psi, Path out, String software) {
    Sampler s = forPsi(psi);
    SamplerContext ctx = new SamplerContext(gen, null, new int[0], new int[0],
        new Params(Map.of("psi", Double.toString(psi))));
    return run(ctx, s, seeds, out, Measurer.NONE, software);
  }

  /** Seeds name images: seed0042.png. */
  public static String fileName(long seed) {
    return String.format("seed%04d.png", seed);
  }
}

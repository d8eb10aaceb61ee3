package margins.bend;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.model.Generator;
import margins.network.CodeDensity;
import margins.network.Latents;
import margins.recipe.Draw;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.train.RunDir;

/** Network bending as outputs: seeds decoded through bends and activation noise, each PNG with its recipe. */
public final class Bending {

  /** The sampler id bent outputs record. */
  public static final String SAMPLER = "bend";

  /**
   * What to bend.
   *
   * @param bends the bends, in order (cluster channels are resolved against the run's clusters.json)
   * @param noise activation noise, after the bends
   * @param seeds the seeds to decode
   * @param psi the seeds' latent scale
   */
  public record Request(List<Bend> bends, List<ActivationNoise> noise, List<Long> seeds, double psi) {

    /** Checks that there is something to do and psi is in (0, 10]. */
    public Request {
      if (bends.isEmpty() && noise.isEmpty()) {
        throw new BadParameter("nothing to bend: give --op, --config or --noise");
      }
      if (!(psi > 0 && psi <= 10)) {
        throw new BadParameter("--psi must be in (0, 10], not " + psi);
      }
      bends = List.copyOf(bends);
      noise = List.copyOf(noise);
      seeds = List.copyOf(seeds);
    }
  }

  private Bending() {}

  /** The request's operations for this studio's model, checked against its decoder's layers. */
  public static List<JsonNode> operations(Generator gen, Path studio, Request req) {
    return operations(gen, studio, req.bends(), req.noise());
  }

  /** Bends then noise as recipe operations, cluster channels resolved, layers checked against the decoder. */
  public static List<JsonNode> operations(Generator gen, Path studio, List<Bend> bends, List<ActivationNoise> noise) {
    Map<String, Map<Integer, int[]>> clusters = null;
    if (OperationText.needsClusters(bends)) {
      ChannelClusters c = ChannelClusters.readIfPresent(RunDir.find(studio, gen.model().run()).dir());
      clusters = c == null ? null : c.byLayer();
    }
    List<JsonNode> ops = OperationText.operations(bends, noise, clusters);
    Operations.hook(ops, gen.model().vae());
    return ops;
  }

  /** Decodes the seeds through the bends and writes PNGs with recipes, a sheet and outputs.jsonl. */
  public static Outputs.Written run(Generator gen, Path studio, Request req, Path out, Measurer measurer,
      String software) {
    return run(gen, studio, req, out, measurer, software, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of each chunk as it is written (the store registers them). */
  public static Outputs.Written run(Generator gen, Path studio, Request req, Path out, Measurer measurer,
      String software, Outputs.Sink sink) {
    List<JsonNode> ops = operations(gen, studio, req);
    int latent = gen.model().vae().config().latent();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("psi", req.psi());
    CodeDensity density = gen.model().density();
    List<Draw> draws = new ArrayList<>();
    for (long s : req.seeds()) {
      // Each seed's latent at psi (a two-stage model's dream, a VAE's prior draw), all through the same operations.
      draws.add(new Draw(s, Latents.seed(s, latent, req.psi(), density), ops, params, List.of()));
    }
    return Outputs.write(gen, null, SAMPLER, draws, o -> Operations.hook(o, gen.model().vae()), out,
        measurer, software, sink);
  }
}

package margins.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margins.BadParameter;
import margins.archive.ImageFiles;
import margins.archive.TrainingSet;
import margins.model.Codes;
import margins.model.Generator;
import margins.network.Generative;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.recipe.Regime;

/**
 * Variations of any image file: it is read as ingest reads archive images, encoded, and a sampler that takes a source
 * works around its posterior. Defaults: mimetic `posterior` (draws within its posterior spread), alien `extrapolate`
 * (a posterior draw pushed 2.5 times as far from its nearest archive cluster centre).
 */
public final class Vary {

  /**
   * A variation job, validated.
   *
   * @param image the file to vary
   * @param sampler a sampler that takes a source
   * @param params its parameters
   * @param seeds one per variation
   */
  public record Request(Path image, Sampler sampler, SamplerParams params, List<Long> seeds) {}

  private Vary() {}

  /** Validates the options: the regime's vary default or a sampler of that regime that can vary an image. */
  public static Request request(Path image, String regime, String samplerId, int k, long seed,
      java.util.Map<String, String> params) {
    if (regime == null) {
      throw new BadParameter("vary needs --regime mimetic or alien");
    }
    Regime r = Regime.parse(regime);
    if (k < 1 || k > 1024) {
      throw new BadParameter("--k must be in [1, 1024], not " + k);
    }
    Sampler s = Samplers.byId(samplerId != null ? samplerId : r == Regime.MIMETIC ? Posterior.ID : Extrapolate.ID);
    if (s.regime() != r) {
      throw new BadParameter("sampler " + s.id() + " is " + s.regime().id() + ", not " + r.id());
    }
    if (!s.takesSource()) {
      throw new BadParameter("sampler " + s.id() + " cannot vary an image; these can: " + varying());
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      seeds.add(seed + i);
    }
    return new Request(image, s, new SamplerParams(params), seeds);
  }

  /** The samplers that can vary a given image. */
  public static List<String> varying() {
    return Samplers.all().stream().filter(Sampler::takesSource).map(Sampler::id).toList();
  }

  /** The default output folder's name for an image and sampler: vary-<file name>-<sampler>. */
  public static String folder(Request req) {
    String name = req.image().getFileName().toString().replaceFirst("\\.[^.]*$", "")
        .replaceAll("[^A-Za-z0-9_-]+", "_").toLowerCase(Locale.ROOT);
    return "vary-" + name + "-" + req.sampler().id();
  }

  /** The image read and encoded by the model; a clear error when it cannot be read. */
  public static Source source(Generative vae, Path image) {
    int r = vae.config().resolution();
    ImageFiles.Square sq = ImageFiles.square(image, r);
    Codes c = Codes.encode(vae, new TrainingSet(sq.rgb(), 1, r, "vary:" + sq.sha256()));
    return new Source(c.means()[0], c.logVars()[0],
        List.of("file:" + image.toAbsolutePath().normalize(), "sha256:" + sq.sha256()));
  }

  /** Encodes the image, draws its variations in the studio's context and writes them into `out`. */
  public static Outputs.Written run(Path studio, Generator gen, Request req, Path out, Measurer measurer,
      String software) {
    return run(studio, gen, req, out, measurer, software, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of each chunk as it is written (the store registers them). */
  public static Outputs.Written run(Path studio, Generator gen, Request req, Path out, Measurer measurer,
      String software, Outputs.Sink sink) {
    Source src = source(gen.model().vae(), req.image());
    SamplerContext ctx = SamplerContext.of(studio, gen, req.params()).withSource(src);
    return Sampling.run(ctx, req.sampler(), req.seeds(), out, measurer, software, sink);
  }
}

package margins.sample;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import margins.archive.TrainingSet;
import margins.model.Codes;
import margins.model.Generator;
import margins.model.Model;
import margins.model.TrainedOn;

/** What a sampler may look at: the model, the archive it learned from (its training split) and its codes. */
public final class SamplerContext {

  private final Generator generator;
  private final TrainingSet archive;
  private final int[] trainIndices;
  private final int[] heldOut;
  private final SamplerParams params;
  private final Source source;
  private final Map<String, Object> cache;

  public SamplerContext(Generator generator, TrainingSet archive, int[] trainIndices, int[] heldOut, SamplerParams params) {
    this(generator, archive, trainIndices, heldOut, params, null, new HashMap<>(), null);
  }

  private SamplerContext(Generator generator, TrainingSet archive, int[] trainIndices, int[] heldOut, SamplerParams params,
      Codes codes, Map<String, Object> cache, Source source) {
    this.generator = generator;
    this.archive = archive;
    this.trainIndices = trainIndices;
    this.heldOut = heldOut;
    this.params = params;
    this.cache = cache;
    if (codes != null) {
      cache.put("codes", codes);
    }
    this.source = source;
  }

  /** A context with a model but no archive: for samplers that only read the prior (truncated, tail). */
  public static SamplerContext withoutArchive(Generator generator, SamplerParams params) {
    return new SamplerContext(generator, null, new int[0], new int[0], params);
  }

  /**
   * A context with no model, only given codes (row i is archive item trainIndices[i]): for samplers that choose
   * latents from the codes alone, and for their tests.
   */
  public static SamplerContext ofCodes(Codes codes, int[] trainIndices, SamplerParams params) {
    if (codes.count() != trainIndices.length) {
      throw new IllegalArgumentException(codes.count() + " codes but " + trainIndices.length + " archive indices");
    }
    return new SamplerContext(null, null, trainIndices, new int[0], params, codes, new HashMap<>(), null);
  }

  /** The same context (its codes and fits shared) with other parameters. */
  public SamplerContext withParams(SamplerParams p) {
    return new SamplerContext(generator, archive, trainIndices, heldOut, p, null, cache, source);
  }

  /** The same context varying one given image: samplers that take a source work around it, not archive items. */
  public SamplerContext withSource(Source s) {
    return new SamplerContext(generator, archive, trainIndices, heldOut, params, null, cache, s);
  }

  /** The image being varied, if any (see `margins vary`). */
  public Optional<Source> source() {
    return Optional.ofNullable(source);
  }

  /** A fit made once per context (k-means, mixtures, spreads): later calls with the same key get the same object. */
  @SuppressWarnings("unchecked")
  public <T> T cached(String key, Supplier<T> fit) {
    synchronized (cache) {
      Object v = cache.get(key);
      if (v == null) {
        v = fit.get();
        cache.put(key, v);
      }
      return (T) v;
    }
  }

  /** The context for a studio's model: its archive split as the run that trained the model recorded it. */
  public static SamplerContext of(Path studio, Generator gen, SamplerParams params) {
    TrainedOn t = TrainedOn.of(studio, gen.model());
    return new SamplerContext(gen, t.archive(), t.trainIndices(), t.heldOut(), params);
  }

  public Generator generator() {
    return generator;
  }

  public Model model() {
    return generator.model();
  }

  /** Whether there is a model and it has a learned density over its codes (a two-stage model). */
  public boolean hasDensity() {
    return generator != null && generator.model().density() != null;
  }

  /** The latent dimension (the codes' when there is no model). */
  public int latent() {
    return generator == null ? codes().means()[0].length : model().vae().config().latent();
  }

  /** The decoder's layer names, or none without a model. */
  public java.util.List<String> layers() {
    return generator == null ? java.util.List.of() : model().vae().stageNames();
  }

  /** A layer parameter: one of the decoder's layers (any name when there is no model to check against). */
  public String layer(String name, String def) {
    java.util.List<String> layers = layers();
    if (layers.isEmpty()) {
      return params.choice(name, def, java.util.Set.of(params.asMap().getOrDefault(name, def)));
    }
    return params.choice(name, layers.contains(def) ? def : layers.get(0), java.util.Set.copyOf(layers));
  }

  /** The whole prepared archive, held-out images included. */
  public TrainingSet archive() {
    return archive;
  }

  /** Archive indices the model was trained on. */
  public int[] trainIndices() {
    return trainIndices.clone();
  }

  /** Archive indices kept out of training. */
  public int[] heldOut() {
    return heldOut.clone();
  }

  public SamplerParams params() {
    return params;
  }

  /** The training split, encoded (row i is archive item trainIndices()[i]); computed once per context. */
  public Codes codes() {
    return cached("codes", () -> {
      if (archive == null) {
        throw new margins.MarginsException("this sampler needs the archive the model was trained on; it has none here");
      }
      return Codes.encode(model().vae(), archive.subset(trainIndices));
    });
  }
}

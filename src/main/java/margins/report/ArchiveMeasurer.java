package margins.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import margins.MarginsException;
import margins.archive.ManifestEntry;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.image.Images;
import margins.measure.ArchiveManifold;
import margins.measure.BatchMeasures;
import margins.measure.Coherence;
import margins.measure.FeatureSpace;
import margins.measure.Grain;
import margins.measure.Measure;
import margins.measure.PixelStructure;
import margins.measure.Placement;
import margins.measure.Sharpness;
import margins.measure.Thumbnail;
import margins.measure.Tolerance;
import margins.model.EncoderSpace;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Measurer;
import margins.sample.SamplerContext;
import margins.sample.SamplerParams;

/**
 * Measures outputs against the archive a model was trained on (its training split), in three feature spaces: the
 * network-independent pixel-structure space, which gives each output its kind, the network-independent thumbnail
 * space as a second opinion, and the model's own encoder. In each, the archive's balls are widened by the
 * archive's own tolerance ({@link Tolerance}). Fitted once (k-NN balls, k = 3), then used for every output and
 * every batch. Without a model (for benchmarks of the measure itself) only the two network-independent spaces.
 */
public final class ArchiveMeasurer implements Measurer {

  /** Neighbourhood size of the archive balls. */
  public static final int K = 3;

  /** The space whose kind is an output's kind: it does not depend on the network being judged. */
  public static final String JUDGE = PixelStructure.ID;

  /** The second network-independent space, built from other parts: kinds are checked against it. */
  public static final String CHECK = Thumbnail.ID;

  /** Images embedded per block, so the archive's float images never all sit in memory at once. */
  private static final int BLOCK = 500;

  /** One space: how images become vectors, and the archive's balls in it. */
  private record Space(FeatureSpace space, ArchiveManifold manifold) {}

  private final SamplerContext ctx;
  private final TrainingSet archive;
  private final int[] trainIndices;
  private final int[] heldOut;
  private final List<ManifestEntry> manifest;
  private final int size;
  private final Map<String, Space> spaces = new LinkedHashMap<>();
  private final double referenceSharpness;

  private ArchiveMeasurer(SamplerContext ctx, TrainingSet archive, int[] trainIndices, int[] heldOut,
      List<ManifestEntry> manifest) {
    this.ctx = ctx;
    this.archive = archive;
    this.trainIndices = trainIndices;
    this.heldOut = heldOut;
    this.manifest = manifest;
    this.size = archive.size();
    if (ctx != null && ctx.model().vae().config().resolution() != size) {
      throw new MarginsException("the archive holds " + size + "px images but the model makes "
          + ctx.model().vae().config().resolution() + "px ones");
    }
    if (trainIndices.length < K + 1) {
      throw new MarginsException("the training split holds " + trainIndices.length + " images; measuring needs at least "
          + (K + 1));
    }
    List<FeatureSpace> all = new ArrayList<>(List.of(new PixelStructure(), new Thumbnail()));
    if (ctx != null) {
      all.add(new EncoderSpace(ctx.model().vae()));
    }
    IntFunction<float[]> train = i -> archiveImage(trainIndices[i]);
    for (FeatureSpace s : all) {
      float[][] vectors = s.id().equals(EncoderSpace.ID) ? ctx.codes().means() : embed(s, trainIndices.length, train);
      double tolerance = Tolerance.calibrate(s, train, trainIndices.length, size);
      spaces.put(s.id(), new Space(s, ArchiveManifold.fit(vectors, K, tolerance)));
    }
    this.referenceSharpness = meanSharpness(heldOut.length > 0 ? heldOut : trainIndices);
  }

  private double meanSharpness(int[] ref) {
    double sum = 0;
    for (int i : ref) {
      sum += Sharpness.of(archiveImage(i), size);
    }
    // An archive of flat images has no edges at all: any edge in an output is then crisper than the archive.
    return Math.max(sum / ref.length, 1e-6);
  }

  /** A measurer for a studio's model: its training split as the run that trained it recorded it. */
  public static ArchiveMeasurer forStudio(Path studio, Model model) {
    try {
      return of(SamplerContext.of(studio, new Generator(model), SamplerParams.none()), PreparedArchive.open(studio).manifest());
    } catch (MarginsException e) {
      throw new MarginsException("cannot measure against " + studio + "'s archive: " + e.getMessage()
          + " (add --no-measure to make images without measuring them)", e);
    }
  }

  /** A measurer from a sampler context whose archive is the studio's prepared archive with this manifest. */
  public static ArchiveMeasurer of(SamplerContext ctx, List<ManifestEntry> manifest) {
    return new ArchiveMeasurer(ctx, ctx.archive(), ctx.trainIndices(), ctx.heldOut(), manifest);
  }

  /** A measurer with no model: the two network-independent spaces over this split of an archive. */
  public static ArchiveMeasurer withoutModel(TrainingSet archive, int[] trainIndices, int[] heldOut,
      List<ManifestEntry> manifest) {
    return new ArchiveMeasurer(null, archive, trainIndices, heldOut, manifest);
  }

  /** The sampler context of the model; throws when this measurer has no model. */
  public SamplerContext context() {
    if (ctx == null) {
      throw new IllegalStateException("this measurer was made without a model");
    }
    return ctx;
  }

  public boolean hasModel() {
    return ctx != null;
  }

  /** Archive indices of the training split, which every space's balls are fitted on. */
  public int[] trainIndices() {
    return trainIndices.clone();
  }

  /** Archive indices of the held-out split (empty when the run kept none). */
  public int[] heldOut() {
    return heldOut.clone();
  }

  /** The space ids: the judging space first, then the check space, then the encoder when there is a model. */
  public List<String> spaceIds() {
    return List.copyOf(spaces.keySet());
  }

  /** Image side the measurer takes. */
  public int size() {
    return size;
  }

  public ArchiveManifold manifold(String space) {
    return spaces.get(space).manifold();
  }

  /** The space's tolerance: copies lie within it, and it widens every ball. */
  public double tolerance(String space) {
    return manifold(space).tolerance();
  }

  /** Archive image i, as floats (3, H, W) in [0, 1]. */
  public float[] archiveImage(int index) {
    float[] x = new float[3 * size * size];
    archive.copyChw(index, x, 0, false);
    return x;
  }

  /** Images as floats (3, H, W) in [0, 1]; each must be size x size. */
  public List<float[]> chw(List<BufferedImage> images) {
    List<float[]> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      BufferedImage im = images.get(i);
      if (im.getWidth() != size || im.getHeight() != size) {
        throw new MarginsException("image " + i + " is " + im.getWidth() + "x" + im.getHeight() + " but this model makes "
            + size + "x" + size + " images");
      }
      float[] x = new float[3 * size * size];
      Images.toChw(im, x, 0);
      out.add(x);
    }
    return out;
  }

  /** Every image's vector in every space, keyed by space id. */
  public Map<String, float[][]> embed(List<float[]> images) {
    Map<String, float[][]> out = new LinkedHashMap<>();
    for (Space s : spaces.values()) {
      out.put(s.space().id(), embed(s.space(), images.size(), images::get));
    }
    return out;
  }

  /** The held-out split's mean |Laplacian| (the training split's when the run kept none): sharpness 1.0. */
  public double referenceSharpness() {
    return referenceSharpness;
  }

  /** Each image's mean |Laplacian| over {@link #referenceSharpness()}: 1 is as crisp as the archive, blur below. */
  public double[] sharpness(List<float[]> images) {
    double[] s = Sharpness.of(images, size);
    for (int i = 0; i < s.length; i++) {
      s[i] /= referenceSharpness;
    }
    return s;
  }

  /** Each image's neighbouring-pixel correlation ({@link Coherence}): pictures near 1, noise near 0. */
  public double[] coherence(List<float[]> images) {
    return Coherence.of(images, size);
  }

  /** Whether each image lacks pixel-level structure ({@link Grain#noiseLike}): the same test in every space. */
  public boolean[] noise(List<float[]> images) {
    return Grain.noiseLike(images, size);
  }

  private float[][] embed(FeatureSpace space, int count, IntFunction<float[]> image) {
    float[][] out = new float[count][];
    for (int from = 0; from < count; from += BLOCK) {
      List<float[]> block = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + BLOCK); i++) {
        block.add(image.apply(i));
      }
      System.arraycopy(space.embed(block, size), 0, out, from, block.size());
    }
    return out;
  }

  /** Each image's placement in each space, keyed by space id, given each image's noise flag. */
  public Map<String, List<Placement>> place(Map<String, float[][]> features, boolean[] noise) {
    Map<String, List<Placement>> out = new LinkedHashMap<>();
    features.forEach((id, f) -> out.put(id, f.length == 0 ? List.of()
        : Measure.place(spaces.get(id).manifold(), f, noise)));
    return out;
  }

  /** Batch measures in each space; null for a space when there are too few images (at most k). */
  public Map<String, BatchMeasures> batch(Map<String, float[][]> features, boolean[] noise, long seed) {
    Map<String, BatchMeasures> out = new LinkedHashMap<>();
    features.forEach((id, f) -> out.put(id, f.length <= K ? null
        : Measure.batch(spaces.get(id).manifold(), f, noise, seed)));
    return out;
  }

  @Override
  public List<Map<String, Object>> measure(List<BufferedImage> images) {
    List<float[]> chw = chw(images);
    return maps(place(embed(chw), noise(chw)), sharpness(chw), coherence(chw));
  }

  /**
   * The per-image maps that go into recipes and JSON lines: the kind, sharpness and coherence, then the placement
   * in every space.
   */
  public List<Map<String, Object>> maps(Map<String, List<Placement>> placements, double[] sharpness,
      double[] coherence) {
    int n = placements.get(JUDGE).size();
    List<Map<String, Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", placements.get(JUDGE).get(i).kind().id());
      m.put("sharpness", finite(sharpness[i]));
      m.put("coherence", finite(coherence[i]));
      for (var e : placements.entrySet()) {
        m.put(e.getKey(), map(e.getValue().get(i)));
      }
      out.add(m);
    }
    return out;
  }

  /** The archive index of the training item a placement's nearest index names. */
  public int archiveIndex(Placement p) {
    return trainIndices[p.nearest()];
  }

  private Map<String, Object> map(Placement p) {
    int index = archiveIndex(p);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nearest", index);
    m.put("source", index < manifest.size() ? manifest.get(index).source() : null);
    m.put("distance", finite(p.nearestDistance()));
    // JSON has no infinity: realism is null when the output sits on a small ball's centre, rarity when in no ball.
    m.put("realism", finite(p.realism()));
    m.put("rarity", finite(p.rarity()));
    m.put("inside", p.inside());
    m.put("kind", p.kind().id());
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

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
import margins.image.Images;
import margins.measure.ArchiveManifold;
import margins.measure.BatchMeasures;
import margins.measure.FeatureSpace;
import margins.measure.Measure;
import margins.measure.PixelStructure;
import margins.measure.Placement;
import margins.model.EncoderSpace;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Measurer;
import margins.sample.SamplerContext;
import margins.sample.SamplerParams;

/**
 * Measures outputs against the archive a model was trained on (its training split), in two feature spaces: the
 * network-independent pixel-structure space, which gives each output its kind, and the model's own encoder.
 * Fitted once (k-NN balls, k = 3), then used for every output and every batch.
 */
public final class ArchiveMeasurer implements Measurer {

  /** Neighbourhood size of the archive balls. */
  public static final int K = 3;

  /** The space whose kind is an output's kind: it does not depend on the network being judged. */
  public static final String JUDGE = PixelStructure.ID;

  /** Images embedded per block, so the archive's float images never all sit in memory at once. */
  private static final int BLOCK = 500;

  /** One space: how images become vectors, and the archive's balls in it. */
  private record Space(FeatureSpace space, ArchiveManifold manifold) {}

  private final SamplerContext ctx;
  private final int[] trainIndices;
  private final List<ManifestEntry> manifest;
  private final int size;
  private final Map<String, Space> spaces = new LinkedHashMap<>();

  private ArchiveMeasurer(SamplerContext ctx, List<ManifestEntry> manifest) {
    this.ctx = ctx;
    this.trainIndices = ctx.trainIndices();
    this.manifest = manifest;
    this.size = ctx.model().vae().config().resolution();
    if (ctx.archive().size() != size) {
      throw new MarginsException("the archive holds " + ctx.archive().size() + "px images but the model makes "
          + size + "px ones");
    }
    if (trainIndices.length < K + 1) {
      throw new MarginsException("the training split holds " + trainIndices.length + " images; measuring needs at least "
          + (K + 1));
    }
    for (FeatureSpace s : List.of(new PixelStructure(), new EncoderSpace(ctx.model().vae()))) {
      float[][] archive = s.id().equals(EncoderSpace.ID) ? ctx.codes().means()
          : embed(s, trainIndices.length, i -> archiveImage(trainIndices[i]));
      spaces.put(s.id(), new Space(s, ArchiveManifold.fit(archive, K)));
    }
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
    return new ArchiveMeasurer(ctx, manifest);
  }

  public SamplerContext context() {
    return ctx;
  }

  /** The space ids, the judging space first. */
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

  /** Archive image i, as floats (3, H, W) in [0, 1]. */
  public float[] archiveImage(int index) {
    float[] x = new float[3 * size * size];
    ctx.archive().copyChw(index, x, 0, false);
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

  /** Each image's placement in each space, keyed by space id. */
  public Map<String, List<Placement>> place(Map<String, float[][]> features) {
    Map<String, List<Placement>> out = new LinkedHashMap<>();
    features.forEach((id, f) -> out.put(id, f.length == 0 ? List.of() : Measure.place(spaces.get(id).manifold(), f)));
    return out;
  }

  /** Batch measures in each space; null for a space when there are too few images (at most k). */
  public Map<String, BatchMeasures> batch(Map<String, float[][]> features, long seed) {
    Map<String, BatchMeasures> out = new LinkedHashMap<>();
    features.forEach((id, f) -> out.put(id, f.length <= K ? null : Measure.batch(spaces.get(id).manifold(), f, seed)));
    return out;
  }

  @Override
  public List<Map<String, Object>> measure(List<BufferedImage> images) {
    return maps(place(embed(chw(images))));
  }

  /** The per-image maps that go into recipes and JSON lines, from placements in every space. */
  public List<Map<String, Object>> maps(Map<String, List<Placement>> placements) {
    int n = placements.get(JUDGE).size();
    List<Map<String, Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", placements.get(JUDGE).get(i).kind().id());
      for (var e : placements.entrySet()) {
        m.put(e.getKey(), map(e.getValue().get(i)));
      }
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> map(Placement p) {
    int index = trainIndices[p.nearest()];
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

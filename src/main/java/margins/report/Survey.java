package margins.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.bend.Operations;
import margins.image.Images;
import margins.image.Png;
import margins.measure.Placement;
import margins.model.Codes;
import margins.model.Model;
import margins.network.LayerHook;
import margins.recipe.Draw;
import margins.recipe.Regime;
import margins.sample.Sampler;
import margins.sample.SamplerContext;
import margins.sample.SamplerParams;
import margins.sample.Samplers;
import margins.sample.Sampling;

/** Named batches of images measured against the archive: the held-out split, the two regimes, the noise baselines. */
public final class Survey {

  /** Seed of KID's shuffles and of the baselines: fixed, so a table is the same every time. */
  public static final long SEED = 0L;

  /**
   * One measured batch.
   *
   * @param name its row name
   * @param files its PNGs, when it has files (empty for in-memory batches)
   * @param images the images, floats (3, H, W) in [0, 1]
   * @param features per space, one vector per image
   * @param placements per space, one placement per image
   * @param sharpness per image, mean |Laplacian| over the held-out split's
   * @param coherence per image, the neighbouring-pixel correlation
   * @param row its batch measures
   */
  public record Measured(String name, List<Path> files, List<float[]> images, Map<String, float[][]> features,
      Map<String, List<Placement>> placements, double[] sharpness, double[] coherence, BatchRow row) {

    /** A batch with no images, and why. */
    static Measured none(String name, List<Path> files, String note) {
      return new Measured(name, files, List.of(), Map.of(), Map.of(), new double[0], new double[0],
          BatchRow.none(name, note));
    }

    public int size() {
      return images.size();
    }
  }

  private Survey() {}

  /** Embeds, places and batch-measures images; too few (at most k) get a row with a note instead of measures. */
  public static Measured measure(ArchiveMeasurer m, String name, List<Path> files, List<float[]> images) {
    if (images.isEmpty()) {
      return Measured.none(name, files, "no images");
    }
    Map<String, float[][]> f = m.embed(images);
    boolean[] noise = m.noise(images);
    Map<String, List<Placement>> p = m.place(f, noise);
    double[] sharpness = m.sharpness(images);
    double[] coherence = m.coherence(images);
    double s = mean(sharpness);
    double c = mean(coherence);
    BatchRow row = images.size() <= ArchiveMeasurer.K
        ? new BatchRow(name, images.size(), Map.of(), s, c, "too few images for batch measures (need at least "
            + (ArchiveMeasurer.K + 1) + ")")
        : new BatchRow(name, images.size(), m.batch(f, noise, SEED), s, c, "");
    return new Measured(name, files, images, f, p, sharpness, coherence, row);
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** The archive's held-out split against its training split: the reference every batch is read against. */
  public static Measured heldOut(ArchiveMeasurer m) {
    int[] held = m.heldOut();
    String name = "held-out archive (reference)";
    if (held.length == 0) {
      String run = m.hasModel() ? "run " + m.context().model().run() : "the split";
      return Measured.none(name, List.of(), "none: " + run + " kept no held-out split (trained with --holdout 0 or"
          + " before it existed); train again to get a reference row");
    }
    List<float[]> images = new ArrayList<>();
    for (int i : held) {
      images.add(m.archiveImage(i));
    }
    return measure(m, name, List.of(), images);
  }

  /** The two noise baselines, n images each: pixel noise, and training-split images with shuffled pixels. */
  public static List<Measured> baselines(ArchiveMeasurer m, int n) {
    int[] train = m.trainIndices();
    List<float[]> sample = new ArrayList<>();
    for (int i = 0; i < Math.min(train.length, 500); i++) {
      sample.add(m.archiveImage(train[i]));
    }
    List<float[]> noise = Baselines.gaussian(n, m.size(), sample, SEED);
    List<float[]> shuffled = Baselines.shuffled(n, train.length, i -> m.archiveImage(train[i]), m.size(), SEED + 1);
    return List.of(measure(m, "noise: Gaussian pixels", List.of(), noise),
        measure(m, "noise: archive, pixels shuffled", List.of(), shuffled));
  }

  /**
   * The held-out split as the model renders it: each image encoded (its posterior mean) and decoded. A softer
   * rendering of an unseen archive image: it should be a copy, mimetic or marginal, never alien.
   */
  public static Measured reconstructions(ArchiveMeasurer m) {
    int[] held = m.heldOut();
    String name = "held-out, encoded and decoded";
    if (held.length == 0) {
      return Measured.none(name, List.of(), "no held-out split");
    }
    SamplerContext ctx = m.context();
    Codes codes = Codes.encode(ctx.model().vae(), ctx.archive().subset(held));
    List<float[]> images = new ArrayList<>();
    for (float[] mean : codes.means()) {
      images.add(chw(ctx.generator().image(mean, LayerHook.NONE), m.size()));
    }
    return measure(m, name, List.of(), images);
  }

  /** The sampler for a regime: the given id (it must belong to that regime) or the regime's default on a VAE. */
  public static Sampler sampler(Regime regime, String id) {
    return sampler(regime, id, null);
  }

  /** The same, the default being the one for this model (with or without a learned density; null: a VAE). */
  public static Sampler sampler(Regime regime, String id, Model model) {
    Sampler s = id == null ? Samplers.defaultFor(regime, model != null && model.density() != null)
        : Samplers.byId(id);
    if (s.regime() != regime) {
      throw new BadParameter("sampler " + s.id() + " is " + s.regime().id() + ", not " + regime.id());
    }
    return s;
  }

  /** The row name of a regime's batch. */
  public static String name(Sampler s) {
    return s.regime().id() + " (" + s.id() + ")";
  }

  /**
   * Draws seeds 0..n-1 with the sampler and decodes them one at a time, as recipes do. With an output folder the
   * PNGs are written there with their recipes (measured by m), a sheet and outputs.jsonl; without, nothing is
   * written.
   */
  public static Measured sample(ArchiveMeasurer m, Sampler s, int n, Path out, String software) {
    return sample(m, s, SamplerParams.none(), n, out, software);
  }

  /** As {@link #sample(ArchiveMeasurer, Sampler, int, Path, String)}, with the sampler's parameters. */
  public static Measured sample(ArchiveMeasurer m, Sampler s, SamplerParams params, int n, Path out, String software) {
    SamplerContext ctx = m.context().withParams(params);
    List<Long> seeds = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      seeds.add(i);
    }
    List<float[]> images = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    if (out != null) {
      for (Path f : Sampling.run(ctx, s, seeds, out, m, software).images()) {
        files.add(f);
        images.add(chw(Png.read(f), m.size()));
      }
    } else {
      for (Draw d : s.draw(ctx, seeds)) {
        BufferedImage img = ctx.generator().image(d.latent(), Operations.hook(d.operations(), ctx.model().vae()));
        images.add(chw(img, m.size()));
      }
    }
    return measure(m, name(s), files, images);
  }

  static float[] chw(BufferedImage img, int size) {
    float[] x = new float[3 * size * size];
    Images.toChw(img, x, 0);
    return x;
  }
}

package margins.studio;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.bend.Operations;
import margins.image.Images;
import margins.image.Png;
import margins.measure.PixelStructure;
import margins.model.Model;
import margins.recipe.Draw;
import margins.recipe.Recipe;
import margins.recipe.Regime;
import margins.report.ArchiveMeasurer;
import margins.sample.Sampler;
import margins.sample.SamplerParams;
import margins.sample.Samplers;

/**
 * Turns draws into tiles, on the worker thread: each latent decoded alone through its operations (as `margins redo`
 * decodes it, so the PNG can be made again byte for byte), the batch measured against the archive, then each PNG
 * written with its recipe and recorded as an item of the exploration.
 */
final class Maker {

  /** A decoded, measured draw not yet written. */
  record Made(Draw draw, BufferedImage image, Map<String, Object> measures, float[] feature, String kind, Double score) {}

  /**
   * How a made image enters the exploration.
   *
   * @param grid the grid, offer or walk it comes in
   * @param origin its edge kind (sample, mutate, crossover, gene-edit, bend, walk-grab, vary, branch)
   * @param actor human or machine
   * @param parents tile references
   * @param sampler the sampler or operation named in its recipe
   * @param regime the recipe's regime, or null to read it from the measured kind
   */
  record Spec(String grid, String origin, String actor, List<String> parents, String sampler, Regime regime) {}

  private static final PixelStructure SPACE = new PixelStructure();

  private final Studio studio;

  Maker(Studio studio) {
    this.studio = studio;
  }

  /** The mean distance between random mimetic samples (the dial's mimetic stop), computed on the worker. */
  double baseline(int n) {
    Dial d = Dial.byId(Dial.DEFAULT, studio.model().density() != null);
    Sampler s = Samplers.byId(d.sampler());
    List<Long> seeds = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      seeds.add(i);
    }
    return studio.worker().run(null, () -> {
      List<Made> made = make(s.draw(studio.context().withParams(new SamplerParams(d.params())), seeds));
      return Machine.meanDistance(made.stream().map(Made::feature).toArray(float[][]::new));
    });
  }

  /** Decodes and measures the draws; stops between images when the job is cancelled. */
  List<Made> make(List<Draw> draws) {
    var vae = studio.model().vae();
    List<BufferedImage> images = new ArrayList<>();
    for (Draw d : draws) {
      Worker.checkCancelled();
      images.add(studio.generator().image(d.latent(), Operations.hook(d.operations(), vae)));
    }
    ArchiveMeasurer m = studio.measurer();
    List<float[]> chw = m.chw(images);
    Map<String, float[][]> features = m.embed(chw);
    List<Map<String, Object>> measures =
        m.maps(m.place(features, m.noise(chw)), m.sharpness(chw), m.coherence(chw));
    float[][] judge = features.get(ArchiveMeasurer.JUDGE);
    List<Made> out = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      Map<String, Object> ms = measures.get(i);
      Object kind = ms.get("kind");
      Double score = ms.get(ArchiveMeasurer.JUDGE) instanceof Map<?, ?> j && j.get("distance") instanceof Number n
          ? Math.round(n.doubleValue() * 1000) / 1000.0 : null;
      out.add(new Made(draws.get(i), images.get(i), ms, judge[i], kind == null ? null : kind.toString(), score));
    }
    return out;
  }

  /** Writes the PNG with its recipe and records the tile. */
  Tile write(Exploration x, Made m, Spec spec) {
    Model model = studio.model();
    String id = x.next('t');
    String file = "tiles/" + id + ".png";
    Path png = studio.folder(x.id()).resolve(file);
    Draw d = m.draw();
    Map<String, Object> params = new LinkedHashMap<>(d.params());
    params.put("exploration", x.id());
    params.put("tile", id);
    params.put("edge", spec.origin());
    params.put("creator", spec.actor());
    Regime regime = spec.regime() != null ? spec.regime() : m.kind() == null ? Regime.ALIEN : Regime.ofKind(m.kind());
    Object psi = d.params().get("psi");
    List<String> parents = new ArrayList<>(recipeParents(x, spec.parents()));
    d.parents().stream().filter(p -> !parents.contains(p)).forEach(parents::add);
    Recipe r = new Recipe(studio.options().software(), model.run(), model.relativePath(), model.sha256(),
        model.vae().config().resolution(), regime.id(), spec.sampler(), d.seed(),
        psi instanceof Number n ? n.doubleValue() : null, params, d.latent(), d.operations(), parents, m.measures(),
        model.device());
    Png.write(png, m.image(), Recipe.KEYWORD, r.json());
    x.features().put(id, m.feature());
    long at = studio.now();
    return x.record(studio.journal(), seq -> new Tile(seq, at, id, spec.grid(), spec.origin(), spec.actor(),
        spec.parents(), spec.sampler(), regime.id(), d.seed(), d.latent(), d.operations(), m.kind(), m.score(), file));
  }

  /** The recipe's parents for tile references: each parent tile's PNG, or the reference itself (archive:N). */
  private List<String> recipeParents(Exploration x, List<String> refs) {
    List<String> out = new ArrayList<>();
    for (String ref : refs) {
      Path p = pngOf(x, ref);
      out.add(p != null ? "file:" + p : ref);
    }
    return out;
  }

  /** The PNG a tile reference names ("t3" in x, or "other-exploration/t3"), or null for other references. */
  Path pngOf(Exploration x, String ref) {
    if (ref.startsWith("archive:") || ref.startsWith("upload:")) {
      return null;
    }
    int slash = ref.indexOf('/');
    Exploration owner = slash < 0 ? x : studio.exploration(ref.substring(0, slash));
    String tile = slash < 0 ? ref : ref.substring(slash + 1);
    return owner.tile(tile).map(t -> studio.folder(owner.id()).resolve(t.file())).orElse(null);
  }

  /** Features of tiles (pixel-structure), from the cache or read again from their PNGs. */
  float[][] features(Exploration x, List<String> ids) {
    float[][] out = new float[ids.size()][];
    List<float[]> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      float[] f = x.features().get(ids.get(i));
      if (f != null) {
        out[i] = f;
        continue;
      }
      Path png = x.tile(ids.get(i)).map(t -> studio.folder(x.id()).resolve(t.file())).orElse(null);
      if (png == null || !Files.isRegularFile(png)) {
        throw new NotFound("tile " + ids.get(i) + " has no image in " + x.id());
      }
      BufferedImage img = Png.read(png);
      float[] c = new float[3 * img.getWidth() * img.getHeight()];
      Images.toChw(img, c, 0);
      missing.add(c);
      where.add(i);
    }
    if (!missing.isEmpty()) {
      float[][] f = SPACE.embed(missing, studio.measurer().size());
      for (int k = 0; k < f.length; k++) {
        out[where.get(k)] = f[k];
        x.features().put(ids.get(where.get(k)), f[k]);
      }
    }
    return out;
  }
}

package margins.report;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import margins.BadParameter;
import margins.Files2;
import margins.Json;
import margins.MarginsException;
import margins.image.Png;
import margins.model.Model;
import margins.recipe.Recipe;
import margins.recipe.Regime;
import margins.sample.Sampler;

/** `margins measure`: a folder of Margins PNGs, or fresh mimetic and alien batches of a run, against the archive. */
public final class MeasureImages {

  /** The file each measured batch gets: one JSON line per image. */
  public static final String FILE = "measures.jsonl";

  /**
   * What was measured.
   *
   * @param model the model's id (run@step)
   * @param spaces the space ids, the judging space first
   * @param rows the held-out reference row first, then each batch
   * @param written the measures.jsonl files, one per batch
   */
  public record Result(String model, List<String> spaces, List<BatchRow> rows, List<Path> written) {

    public String table() {
      return BatchTable.text(spaces, rows);
    }
  }

  private MeasureImages() {}

  /** Measures the PNGs of a folder as they are (their recipes name the model) and writes folder/measures.jsonl. */
  public static Result folder(Path studio, Path folder, Device device) {
    List<Path> files = new ArrayList<>();
    List<Recipe> recipes = new ArrayList<>();
    for (Path png : pngs(folder)) {
      recipeOf(png).ifPresent(r -> {
        files.add(png);
        recipes.add(r);
      });
    }
    if (files.isEmpty()) {
      throw new MarginsException("no Margins PNGs in " + folder + " (images written by margins sample, vary, bend or"
          + " walk carry a recipe); give such a folder, or a run name to sample and measure fresh batches");
    }
    List<String> hashes = recipes.stream().map(Recipe::checkpointSha256).distinct().toList();
    if (hashes.size() > 1) {
      throw new MarginsException("the images in " + folder + " come from " + hashes.size()
          + " different checkpoints; measure one model's images at a time");
    }
    Recipe first = recipes.get(0);
    try (Model model = Model.byHash(studio, first.checkpoint(), first.checkpointSha256(), device)) {
      ArchiveMeasurer m = ArchiveMeasurer.forStudio(studio, model);
      List<java.awt.image.BufferedImage> images = new ArrayList<>();
      for (Path f : files) {
        images.add(Png.read(f));
      }
      Survey.Measured batch = Survey.measure(m, folder.getFileName().toString(), files, m.chw(images));
      Survey.Measured held = Survey.heldOut(m);
      Path jsonl = writeJsonl(m, batch, folder);
      return new Result(model.id(), m.spaceIds(), List.of(held.row(), batch.row()), List.of(jsonl));
    }
  }

  /**
   * Samples n images (seeds 0..n-1) in each regime with its sampler (null: the regime's default), writes each
   * batch with recipes into out/&lt;regime&gt;-&lt;sampler&gt; and measures it.
   */
  public static Result run(Path studio, String run, int n, String mimetic, String alien, Path out, Device device,
      String software) {
    checkCount(n);
    Survey.sampler(Regime.MIMETIC, mimetic);
    Survey.sampler(Regime.ALIEN, alien);
    try (Model model = Model.load(studio, run, null, device)) {
      List<Sampler> samplers = List.of(Survey.sampler(Regime.MIMETIC, mimetic, model),
          Survey.sampler(Regime.ALIEN, alien, model));
      ArchiveMeasurer m = ArchiveMeasurer.forStudio(studio, model);
      Path dir = out != null ? out : studio.resolve("outputs").resolve(model.run() + "-measure-n" + n);
      List<BatchRow> rows = new ArrayList<>(List.of(Survey.heldOut(m).row()));
      List<Path> written = new ArrayList<>();
      for (Sampler s : samplers) {
        Path batchDir = dir.resolve(s.regime().id() + "-" + s.id());
        Survey.Measured batch = Survey.sample(m, s, n, batchDir, software);
        rows.add(batch.row());
        written.add(writeJsonl(m, batch, batchDir));
      }
      return new Result(model.id(), m.spaceIds(), rows, written);
    }
  }

  /** Batch sizes a run is sampled at: enough for batch measures, few enough to stay quick. */
  public static void checkCount(int n) {
    if (n < ArchiveMeasurer.K + 1 || n > 10_000) {
      throw new BadParameter("--n must be in " + (ArchiveMeasurer.K + 1) + "..10000, not " + n);
    }
  }

  /** One line per image: file, seed, regime, sampler (from its recipe) and its measures. */
  static Path writeJsonl(ArchiveMeasurer m, Survey.Measured batch, Path dir) {
    List<Map<String, Object>> maps = m.maps(batch.placements(), batch.sharpness(), batch.coherence());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < batch.files().size(); i++) {
      Path f = batch.files().get(i);
      Optional<Recipe> r = recipeOf(f);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", f.getFileName().toString());
      line.put("seed", r.map(Recipe::seed).orElse(null));
      line.put("regime", r.map(Recipe::regime).orElse(null));
      line.put("sampler", r.map(Recipe::sampler).orElse(null));
      line.put("measures", maps.get(i));
      sb.append(Json.line(line)).append('\n');
    }
    Path file = dir.resolve(FILE);
    Files2.writeAtomic(file, sb.toString());
    return file;
  }

  /** The PNG files directly in a folder, by name. */
  static List<Path> pngs(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new MarginsException(folder + " is not a folder");
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recipe of a PNG; none for PNGs without one and for files that are not images. */
  static Optional<Recipe> recipeOf(Path png) {
    try {
      return Recipe.of(png);
    } catch (MarginsException e) {
      return Optional.empty();
    }
  }
}

package margins.explore;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.image.ContactSheet;
import margins.image.Png;
import margins.network.LayerHook;
import margins.network.Latents;
import margins.recipe.Recipe;

/** Sampling from the prior with the latent scaled by psi: below 1 the mimetic centre, above 1 the margins. */
public final class Sampling {

  /** What a sampling call wrote. */
  public record Result(List<Path> images, Path sheet) {}

  private Sampling() {}

  /** Writes seedNNNN.png for each seed, each carrying its recipe, and a contact sheet of them all. */
  public static Result truncated(Generator gen, List<Long> seeds, double psi, Path out, String software) {
    if (!(psi > 0 && psi <= 10)) {
      throw new IllegalArgumentException("--psi must be in (0, 10], not " + psi);
    }
    int l = gen.model().vae().config().latent();
    List<Path> files = new ArrayList<>();
    List<BufferedImage> images = new ArrayList<>();
    for (long seed : seeds) {
      Recipe r = recipe(gen, seed, psi, Latents.truncated(seed, l, psi), software);
      Path file = out.resolve(fileName(seed));
      images.add(gen.write(r, LayerHook.NONE, file));
      files.add(file);
    }
    Path sheet = out.resolve("sheet.png");
    Png.write(sheet, ContactSheet.of(images, 0, 64));
    return new Result(files, sheet);
  }

  static Recipe recipe(Generator gen, long seed, double psi, float[] latent, String software) {
    var m = gen.model();
    boolean mimetic = psi <= 1.0;
    return new Recipe(software, m.run(), m.relativePath(), m.sha256(), m.vae().config().resolution(),
        mimetic ? "mimetic" : "alien", mimetic ? "truncated" : "tail", seed, psi, Map.of(), latent,
        List.of(), List.of(), Map.of());
  }

  /** Seeds name images: seed0042.png. */
  public static String fileName(long seed) {
    return String.format("seed%04d.png", seed);
  }
}

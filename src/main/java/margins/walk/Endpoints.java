package margins.walk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.BadParameter;
import margins.MarginsException;
import margins.archive.ImageFiles;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.model.Codes;
import margins.network.CodeDensity;
import margins.network.Generative;
import margins.network.Latents;
import margins.recipe.Recipe;

/**
 * A walk's endpoints as latents. Each is written as one of: {@code 42} (a seed: on a model with a learned density its
 * dream at psi, as the 'dream' sampler draws it; on a VAE the prior's draw scaled by psi),
 * {@code path/to/out.png} (a PNG Margins wrote: its recipe's latent), {@code archive:N} (archive image N,
 * encoded: the posterior mean) or {@code image:path} (any image file, prepared as ingest prepares the
 * archive, then encoded).
 */
public final class Endpoints {

  /**
   * The latents and how the recipe names them.
   *
   * @param latents (n, latent)
   * @param names "seed:N", "archive:N", or file paths
   */
  public record Resolved(float[][] latents, List<String> names) {}

  private Endpoints() {}

  /** Checks the forms without a model, so a typo is a usage error. */
  public static void check(List<String> endpoints) {
    for (String e : endpoints) {
      if (e.startsWith("archive:") && !e.substring(8).matches("\\d+")) {
        throw new BadParameter("endpoint '" + e + "': archive:N takes an image number, e.g. archive:12");
      }
      if (e.startsWith("image:") && e.length() == 6) {
        throw new BadParameter("endpoint '" + e + "': image:PATH needs a file");
      }
    }
  }

  /** The latents of the endpoints, for a model without a learned density (a VAE). */
  public static Resolved resolve(List<String> endpoints, Generative vae, Path studio, double psi) {
    return resolve(endpoints, vae, null, studio, psi);
  }

  /** The latents of the endpoints, for this model; density null for a VAE. */
  public static Resolved resolve(List<String> endpoints, Generative vae, CodeDensity density, Path studio,
      double psi) {
    int l = vae.config().latent();
    int r = vae.config().resolution();
    float[][] out = new float[endpoints.size()][];
    List<String> names = new ArrayList<>();
    PreparedArchive archive = null;
    for (int i = 0; i < endpoints.size(); i++) {
      String e = endpoints.get(i);
      if (e.matches("-?\\d+")) {
        // A two-stage model's codes lie where its density puts them, not in the Gaussian: walk between its dreams.
        out[i] = Latents.seed(Long.parseLong(e), l, psi, density);
        names.add("seed:" + e);
      } else if (e.startsWith("archive:")) {
        archive = archive == null ? PreparedArchive.open(studio) : archive;
        int n = Integer.parseInt(e.substring(8));
        if (n >= archive.count() || archive.size() != r) {
          throw new MarginsException("endpoint " + e + ": the archive has images 0-" + (archive.count() - 1)
              + " of " + archive.size() + " px (the model draws " + r + " px)");
        }
        out[i] = Codes.encode(vae, TrainingSet.of(archive).subset(new int[] {n})).means()[0];
        names.add(e);
      } else if (e.startsWith("image:")) {
        Path file = Path.of(e.substring(6));
        out[i] = Codes.encode(vae, new TrainingSet(ImageFiles.square(file, r).rgb(), 1, r, file.toString()))
            .means()[0];
        names.add(file.toString());
      } else {
        Path file = Path.of(e);
        if (!Files.isRegularFile(file)) {
          throw new MarginsException("endpoint '" + e + "' is not a seed, archive:N, image:FILE or a Margins PNG");
        }
        Recipe rec = Recipe.of(file).orElseThrow(() -> new MarginsException(file
            + " carries no Margins recipe; to walk to any image, write image:" + file));
        if (rec.latent() == null || rec.latent().length != l) {
          throw new MarginsException(file + " has a latent of " + (rec.latent() == null ? 0 : rec.latent().length)
              + " numbers; this model's have " + l);
        }
        out[i] = rec.latent().clone();
        names.add(file.toString());
      }
    }
    return new Resolved(out, names);
  }
}

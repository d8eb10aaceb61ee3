package margins.recipe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import margins.Json;
import margins.image.Png;

/**
 * How an output image was made, stored inside its PNG: enough to make it again bit for bit.
 *
 * @param software the Margins version that made it
 * @param model the run the model comes from
 * @param checkpoint the checkpoint file, relative to the studio
 * @param checkpointSha256 the checkpoint file's SHA-256
 * @param resolution image side in pixels
 * @param regime "mimetic" or "alien"
 * @param sampler the sampler's id
 * @param seed the seed that names the image
 * @param psi the latent's scale, when the sampler has one
 * @param params the sampler's other parameters
 * @param latent the latent that was decoded
 * @param operations changes to the decoder's computation (bends, activation noise), in order
 * @param parents recipes or files this image was made from
 * @param measures where the image falls between copy and alien, when measured
 * @param device where and how it was computed ("cpu:onednn", "cpu:aten", "gpu:0"); absent in recipes made before
 *     Margins recorded it. Another device makes the same image, but its last bits may differ.
 */
public record Recipe(
    String software,
    String model,
    String checkpoint,
    String checkpointSha256,
    int resolution,
    String regime,
    String sampler,
    long seed,
    Double psi,
    Map<String, Object> params,
    float[] latent,
    List<JsonNode> operations,
    List<String> parents,
    Map<String, Object> measures,
    @JsonInclude(JsonInclude.Include.NON_NULL) String device) {

  /** The PNG text keyword recipes are stored under. */
  public static final String KEYWORD = "margins-recipe";

  public Recipe {
    params = params == null ? Map.of() : params;
    operations = operations == null ? List.of() : operations;
    parents = parents == null ? List.of() : parents;
    measures = measures == null ? Map.of() : measures;
  }

  /** The same recipe with measures attached. */
  public Recipe withMeasures(Map<String, Object> m) {
    return new Recipe(software, model, checkpoint, checkpointSha256, resolution, regime, sampler, seed, psi,
        params, latent, operations, parents, m, device);
  }

  public String json() {
    return Json.line(this);
  }

  /** The recipe inside a PNG, if it has one. */
  public static Optional<Recipe> of(Path png) {
    return Png.text(png, KEYWORD).map(t -> Json.parse(t, Recipe.class));
  }
}

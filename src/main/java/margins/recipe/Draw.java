package margins.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One output a sampler chose, before decoding.
 *
 * @param seed the seed that names it
 * @param latent the latent to decode
 * @param operations changes to the decoder's computation for this output (the bend package turns them into hooks)
 * @param params what else the recipe should record (the sampler's resolved parameters, choices made)
 * @param parents what it was made from (archive items as "archive:<index>", other images' paths)
 */
public record Draw(long seed, float[] latent, List<JsonNode> operations, Map<String, Object> params, List<String> parents) {

  public static Draw of(long seed, float[] latent, Map<String, Object> params) {
    return new Draw(seed, latent, List.of(), params, List.of());
  }
}

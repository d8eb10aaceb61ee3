package margins.walk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A path through latent space, sampled as {@link #frames()} latents. Each walk is a record of
 * everything needed to remake its frames; its JSON carries its id in the {@code "walk"} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "walk")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Lerp.class, name = "lerp"),
  @JsonSubTypes.Type(value = Slerp.class, name = "slerp"),
  @JsonSubTypes.Type(value = Keyframes.class, name = "keyframes"),
  @JsonSubTypes.Type(value = NoiseLoop.class, name = "noise-loop"),
  @JsonSubTypes.Type(value = RandomWalk.class, name = "random-walk")
})
public sealed interface Walk permits Lerp, Slerp, Keyframes, NoiseLoop, RandomWalk {

  /** How many frames the walk has. */
  int frames();

  /** The latents, one per frame: (frames, d). */
  float[][] latents();
}

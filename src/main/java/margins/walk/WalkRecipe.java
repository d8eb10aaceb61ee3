package margins.walk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import margins.BadParameter;
import margins.Files2;
import margins.Json;

/**
 * How a walk was made, saved as walk.json next to its outputs: enough to make every frame again, byte for
 * byte, with {@code margins redo walk.json --out DIR} or {@code margins walk --recipe walk.json}.
 *
 * @param software the Margins version
 * @param model the run the model comes from
 * @param checkpoint the checkpoint file, relative to the studio
 * @param checkpointSha256 its SHA-256
 * @param resolution image side
 * @param walk the path through latent space, as {@link Walks#json} writes it
 * @param operations fixed bends and noise, in recipe form
 * @param sweeps parameters that move over the frames
 * @param frames the frame count
 * @param fps frames per second
 * @param batch frames decoded together (part of the recipe: batching changes the last bit)
 * @param formats the animation formats written
 * @param parents the walk's endpoints ("seed:N", "archive:N", files)
 * @param measured whether its frames were measured against the archive (frames.jsonl, and the measures and regime
 *     in each PNG frame's recipe); absent, false, in walks made before frames were measured
 * @param device where and how the frames were computed ("cpu:onednn", ...); absent in walks made before it was
 *     recorded
 */
public record WalkRecipe(String software, String model, String checkpoint, String checkpointSha256, int resolution,
    JsonNode walk, List<JsonNode> operations, List<Sweep> sweeps, int frames, int fps, int batch,
    List<String> formats, List<String> parents,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean measured,
    @JsonInclude(JsonInclude.Include.NON_NULL) String device) {

  /** The file name next to the outputs. */
  public static final String FILE = "walk.json";

  /** Checks the batch size and that frames matches the walk. */
  public WalkRecipe {
    operations = operations == null ? List.of() : List.copyOf(operations);
    sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
    parents = parents == null ? List.of() : List.copyOf(parents);
    formats = formats == null || formats.isEmpty() ? List.of("gif") : List.copyOf(formats);
    if (batch < 1 || batch > 1024) {
      throw new BadParameter("--batch must be in [1, 1024], not " + batch);
    }
    if (walk != null && walk.path("frames").asInt(-1) != frames) {
      throw new BadParameter("the walk has " + walk.path("frames").asInt() + " frames, the recipe says "
          + frames);
    }
  }

  /** The walk itself. */
  public Walk path() {
    return Walks.parse(walk.toString());
  }

  /** Each frame's operations, sweeps written in. */
  public List<List<JsonNode>> frameOperations() {
    return FrameOps.perFrame(operations, sweeps, frames);
  }

  /** Writes the recipe as walk.json in a folder; returns the file. */
  public Path write(Path dir) {
    Path f = dir.resolve(FILE);
    Files2.writeAtomic(f, Json.pretty(this));
    return f;
  }

  /** Reads a walk.json; a file that is not one fails clearly. */
  public static WalkRecipe read(Path file) {
    WalkRecipe r = Json.read(file, WalkRecipe.class);
    if (r.walk() == null || r.checkpointSha256() == null) {
      throw new margins.MarginsException(file + " is not a walk recipe (no walk or checkpoint in it)");
    }
    return r;
  }
}

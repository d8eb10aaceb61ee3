package margins.cli;

import ai.djl.Device;
import java.nio.file.Path;
import margins.explore.Generator;
import margins.explore.walking.WalkRecipe;
import margins.explore.walking.Walking;
import margins.train.Model;

/** Makes a walk again from its walk.json, with the checkpoint it names (found by hash). */
final class WalkRedo {

  private WalkRedo() {}

  static Walking.Written run(Path studio, Device device, Path walkJson, Path out) {
    WalkRecipe r = WalkRecipe.read(walkJson);
    try (Model model = Model.byHash(studio, r.checkpoint(), r.checkpointSha256(), device)) {
      return Walking.write(new Generator(model), r, out);
    }
  }
}

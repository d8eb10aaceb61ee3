package margins.redo;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.function.Function;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.walk.WalkRecipe;
import margins.walk.Walking;

/** Makes a walk again from its walk.json, with the checkpoint it names (found by hash). */
public final class WalkRedo {

  private WalkRedo() {}

  /**
   * Makes the walk again into `out`; a measured walk is measured again with the measurer made for its model. The
   * sink hears of its PNG frames as they are written.
   */
  public static Walking.Written run(Path studio, Device device, Path walkJson, Path out,
      Function<Model, Measurer> measurers, Outputs.Sink sink) {
    WalkRecipe r = WalkRecipe.read(walkJson);
    try (Model model = Model.byHash(studio, r.checkpoint(), r.checkpointSha256(), device)) {
      return Walking.write(new Generator(model), r, out, r.measured() ? measurers.apply(model) : Measurer.NONE,
          sink);
    }
  }
}

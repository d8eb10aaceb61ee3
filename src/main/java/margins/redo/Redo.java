package margins.redo;

import java.nio.file.Path;
import java.util.List;
import margins.MarginsException;
import margins.bend.Operations;
import margins.image.Png;
import margins.model.Generator;
import margins.recipe.Outputs;
import margins.recipe.Recipe;
import margins.walk.Walking;

/** Makes an image again from the recipe inside it, with the same checkpoint: the same bytes on the same machine. */
public final class Redo {

  private Redo() {}

  /** The recipe of a PNG, or a clear error if it has none. */
  public static Recipe recipeOf(Path png) {
    return Recipe.of(png).orElseThrow(() -> new MarginsException(
        png + " carries no Margins recipe (only PNGs written by margins sample, vary, bend or walk do)"));
  }

  /**
   * Decodes the recipe's latent through its operations and writes the PNG with the same recipe; a walk's
   * frame is made by decoding its batch again, as the walk did. The sink then hears of the PNG.
   */
  public static void redo(Generator gen, Recipe recipe, Path out, Outputs.Sink sink) {
    if (Walking.SAMPLER.equals(recipe.sampler())) {
      Png.write(out, Walking.frame(gen, recipe), Recipe.KEYWORD, recipe.json());
    } else {
      Outputs.writeOne(gen, recipe, Operations.hook(recipe.operations(), gen.model().vae()), out);
    }
    sink.written(List.of(out), List.of(recipe));
  }
}

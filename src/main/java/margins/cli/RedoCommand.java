package margins.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.MarginsException;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Recipe;
import margins.redo.Redo;
import margins.redo.WalkRedo;
import margins.walk.Walking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins redo <png> --out FILE` (or `walk.json --out DIR`): makes an output again from its recipe, byte for byte. */
@Command(name = "redo", mixinStandardHelpOptions = true,
    description = {"Make an output image again from the recipe inside it (same bytes on the same machine).",
        "Given a walk.json, makes every frame of the walk again into the folder --out."})
public final class RedoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Parameters(paramLabel = "PNG|WALK.JSON", description = "An image written by Margins, or a walk's walk.json.")
  Path png;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the new PNG (for a walk.json: a folder).")
  Path out;

  @Override
  public Integer call() {
    if (png.getFileName() != null && png.getFileName().toString().endsWith(".json")) {
      Walking.Written w = WalkRedo.run(studio.dir(), device.resolve(), png, out);
      spec.commandLine().getOut().println("made again: " + w.frames() + " frames in " + w.dir());
      spec.commandLine().getOut().flush();
      return 0;
    }
    Recipe recipe = Redo.recipeOf(png);
    if (Files.isDirectory(out)) {
      throw new MarginsException("--out " + out + " is a folder; give a file name");
    }
    try (Model model = Model.byHash(studio.dir(), recipe.checkpoint(), recipe.checkpointSha256(), device.resolve())) {
      Redo.redo(new Generator(model), recipe, out);
    }
    spec.commandLine().getOut().println("made again: " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

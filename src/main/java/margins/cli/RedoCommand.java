package margins.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.MarginsException;
import margins.explore.Generator;
import margins.explore.Redo;
import margins.recipe.Recipe;
import margins.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `margins redo <png> --out FILE`: makes an image again from its recipe, byte for byte. */
@Command(name = "redo", mixinStandardHelpOptions = true,
    description = "Make an output image again from the recipe inside it (same bytes on the same machine).")
public final class RedoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Parameters(paramLabel = "PNG", description = "An image written by Margins.")
  Path png;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the new PNG.")
  Path out;

  @Override
  public Integer call() {
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

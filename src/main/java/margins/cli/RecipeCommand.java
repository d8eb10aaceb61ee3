package margins.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.Json;
import margins.redo.Redo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins recipe <png>`: prints the recipe an output image carries. */
@Command(name = "recipe", header = "Print the recipe inside an output PNG.", mixinStandardHelpOptions = true, description = "Print the recipe inside an output PNG.")
public final class RecipeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PNG", description = "An image written by Margins.")
  Path png;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(Json.pretty(Redo.recipeOf(png)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}

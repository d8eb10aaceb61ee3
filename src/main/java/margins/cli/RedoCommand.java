package margins.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import margins.MarginsException;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Recipe;
import margins.redo.Redo;
import margins.redo.WalkRedo;
import margins.report.ArchiveMeasurer;
import margins.store.Registrar;
import margins.walk.Walking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins redo <png> --out FILE` (or `walk.json --out DIR`): makes an output again from its recipe, byte for byte. */
@Command(name = "redo", header = "Make an output again from its recipe, byte for byte.", mixinStandardHelpOptions = true,
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
    PrintWriter o = spec.commandLine().getOut();
    if (png.getFileName() != null && png.getFileName().toString().endsWith(".json")) {
      try (Registrar store = Registrar.remaking(studio.dir(), spec.commandLine().getErr())) {
        Walking.Written w = WalkRedo.run(studio.dir(), device.resolve(), png, out,
            m -> ArchiveMeasurer.forStudio(studio.dir(), m), store);
        o.println("made again: " + w.frames() + " frames in " + w.dir());
        store.report(o);
        o.flush();
      }
      return 0;
    }
    Recipe recipe = Redo.recipeOf(png);
    if (Files.isDirectory(out)) {
      throw new MarginsException("--out " + out + " is a folder; give a file name");
    }
    byte[] original = read(png);
    String now;
    try (Registrar store = Registrar.remaking(studio.dir(), spec.commandLine().getErr())) {
      try (Model model = Model.byHash(studio.dir(), recipe.checkpoint(), recipe.checkpointSha256(),
          device.resolve())) {
        Redo.redo(new Generator(model), recipe, out, store);
        now = model.device();
      }
      o.println("made again: " + out + " (" + comparison(original, read(out), recipe.device(), now) + ")");
      store.report(o);
      o.flush();
    }
    return 0;
  }

  /** Whether the new file has the original's bytes, and if not, whether the device explains it. */
  static String comparison(byte[] original, byte[] again, String madeOn, String now) {
    if (Arrays.equals(original, again)) {
      return "the same bytes as the original";
    }
    if (madeOn == null) {
      return "differs from the original, which was made before Margins recorded devices; this one was computed"
          + " on " + now;
    }
    if (!madeOn.equals(now)) {
      return "differs from the original: it was computed on " + madeOn + ", this one on " + now
          + "; the same recipe gives the same bytes only on the same kind of device";
    }
    return "differs from the original although both were computed on " + now + ": please report it";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MarginsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

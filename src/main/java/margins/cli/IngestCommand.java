package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.Progress;
import margins.archive.Frame;
import margins.archive.Ingest;
import margins.archive.IngestOptions;
import margins.archive.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins ingest`: prepares a folder of images as the studio's archive. */
@Command(name = "ingest", header = "Prepare a folder of images as the studio's archive.",
    mixinStandardHelpOptions = true,
    description = {
      "Prepare a folder of images as the studio's archive: square, resized RGB images.",
      "Duplicates and unusable files are skipped and listed with their reasons; the folder is never written to."
    })
public final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StudioOption studio;

  @Parameters(paramLabel = "FOLDER", description = "Folder of images (PNG, JPEG, GIF, BMP, TIFF, WebP), walked recursively.")
  Path folder;

  @Option(names = "--size", paramLabel = "PX", defaultValue = "64",
      description = "Side of the square images: 32, 64 or 128 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--frame", paramLabel = "MODE", defaultValue = "pad",
      description = "How to square an image: crop (centre), pad (letterbox on the background) or stretch"
          + " (default: ${DEFAULT-VALUE}).")
  String frame;

  @Option(names = "--background", paramLabel = "COLOUR", defaultValue = "white",
      description = "Colour behind transparency and padding: white, black or #rrggbb (default: ${DEFAULT-VALUE}).")
  String background;

  @Override
  public Integer call() {
    IngestOptions options =
        new IngestOptions(size, Frame.parse(frame), IngestOptions.parseBackground(background));
    PrintWriter out = spec.commandLine().getOut();
    // Only a terminal watching stderr gets an ingest's progress line; a log needs only the summary.
    Progress.Target progress = System.console() != null
        ? new Progress.Target(spec.commandLine().getErr(), true) : Progress.Target.NONE;
    IngestReport report = Ingest.run(folder, studio.dir(), options, out, progress);
    out.printf("Kept %d image%s at %dx%d (frame %s, background %s); skipped %d.%n",
        report.kept(), report.kept() == 1 ? "" : "s", options.size(), options.size(),
        options.frame().label(), options.backgroundHex(), report.skipped().size());
    out.println("Archive: " + report.archive());
    out.flush();
    return 0;
  }
}

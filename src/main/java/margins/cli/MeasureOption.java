package margins.cli;

import java.nio.file.Path;
import margins.model.Model;
import margins.recipe.Measurer;
import margins.report.ArchiveMeasurer;
import picocli.CommandLine.Option;

/** `--no-measure`: every output is measured against the archive unless the user says otherwise. */
public final class MeasureOption {

  @Option(names = "--no-measure",
      description = "Do not measure outputs against the archive (recipes then carry no measures).")
  boolean skip;

  /** Whether outputs are measured. */
  public boolean enabled() {
    return !skip;
  }

  /** The studio's archive measurer for this model, or none when asked. */
  public Measurer measurer(Path studio, Model model) {
    return skip ? Measurer.NONE : ArchiveMeasurer.forStudio(studio, model);
  }
}

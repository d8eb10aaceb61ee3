package margins.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The `--studio DIR` option every command shares: the folder holding the archive, runs and outputs. */
public final class StudioOption {

  @Option(
      names = "--studio",
      paramLabel = "DIR",
      defaultValue = "studio",
      description = "Studio folder: prepared archive, runs and outputs (default: ${DEFAULT-VALUE}).")
  Path studio;

  public Path dir() {
    return studio.toAbsolutePath().normalize();
  }
}

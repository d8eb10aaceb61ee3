package margins.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `margins ingest`: prepares a folder of images as the studio's archive (placeholder until built). */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Prepare a folder of images.")
public final class IngestCommand implements Callable<Integer> {

  @Mixin StudioOption studio;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("ingest is being built");
  }
}

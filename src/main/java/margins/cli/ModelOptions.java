package margins.cli;

import ai.djl.Device;
import java.nio.file.Path;
import margins.model.Model;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model a command works with: --studio, --device, --run or --checkpoint, and loading it. */
public final class ModelOptions {

  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--run", description = "The run whose model to use (default: the newest trained run).")
  String run;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint file, instead of a run's last one.")
  Path checkpoint;

  /** The studio folder. */
  public Path studio() {
    return studio.dir();
  }

  /** The device the network runs on. */
  public Device device() {
    return device.resolve();
  }

  /** The run named with --run, or null for the newest. */
  public String run() {
    return run;
  }

  /** Loads the model: the checkpoint given, else the last one of the run (the newest run by default). */
  public Model load() {
    return Model.load(studio(), run, checkpoint, device());
  }
}

package margins.cli;

import ai.djl.Device;
import margins.engine.Engines;
import picocli.CommandLine.Option;

/** The `--device auto|cpu|gpu` option of every command that runs the network. */
public final class DeviceOption {

  @Option(
      names = "--device",
      paramLabel = "auto|cpu|gpu",
      defaultValue = "auto",
      description = "Where the network runs: a CUDA GPU when one is usable (auto), or always the CPU (default: ${DEFAULT-VALUE}).")
  String device;

  public Device resolve() {
    return Engines.device(device);
  }
}

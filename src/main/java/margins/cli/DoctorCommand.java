package margins.cli;

import ai.djl.Device;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Json;
import margins.engine.Diagnosis;
import margins.engine.SelfCheck;
import margins.network.NetworkProbe;
import margins.network.VaeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins doctor`: what the engine found on this machine, and whether training can trust it. */
@Command(name = "doctor", header = "Say what the engine found on this machine.", mixinStandardHelpOptions = true,
    description = "Print the CPU, the engine's versions, the convolution path in use and the engine self-check's"
        + " result on the default networks.")
public final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DeviceOption device;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Device dev = device.resolve();
    List<SelfCheck.Workload> networks = new ArrayList<>();
    for (int size : new int[] {32, 64}) {
      networks.add(NetworkProbe.of(VaeConfig.defaults(size), 16, dev));
    }
    Diagnosis d = Diagnosis.gather(networks, dev);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.line(d));
    } else {
      d.lines().forEach(out::println);
    }
    out.flush();
    return 0;
  }
}

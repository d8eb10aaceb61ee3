package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.demo.Demo;
import margins.store.Registrar;
import margins.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins demo`: ingest the bundled archive, train with the defaults, write a mimetic and an alien sheet. */
@Command(name = "demo", header = "Run the main job on the bundled emoji archive.", mixinStandardHelpOptions = true,
    description = "Ingest the bundled OpenMoji archive, train with the defaults, sample psi 0.7 and psi 2.0.")
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--archive", paramLabel = "DIR", description = "Folder to ingest (default: the bundled demo/openmoji/images).")
  Path archive;

  @Option(names = "--steps", description = "Training steps (default: ${DEFAULT-VALUE}).")
  int steps = TrainConfig.defaults().steps();

  @Override
  public Integer call() {
    Path source = archive != null ? archive : bundled();
    PrintWriter out = spec.commandLine().getOut();
    Demo.Result r;
    try (Registrar store = Registrar.of(studio.dir(), spec.commandLine().getErr())) {
      r = Demo.run(source, studio.dir(), TrainConfig.defaults().withSteps(steps), device.resolve(),
          Version.software(), out, spec.commandLine().getErr(), System.console() != null, store);
      store.report(out);
    }
    out.println();
    out.println("done. Look at:");
    out.println("  mimetic sheet (psi 0.7): " + r.mimetic().sheet() + "  [" + r.mimetic().kinds() + "]");
    out.println("  alien sheet (psi 2.0):   " + r.alien().sheet() + "  [" + r.alien().kinds() + "]");
    out.println("  training sheets:         " + r.train().run().sheets());
    out.println("  loss curve:              " + r.train().run().dir().resolve("loss.png"));
    out.println("  one image's recipe:      margins recipe " + r.mimetic().images().get(0));
    out.flush();
    return 0;
  }

  private static Path bundled() {
    String home = System.getProperty("margins.home");
    return (home != null ? Path.of(home) : Path.of("")).resolve("demo/openmoji/images").toAbsolutePath();
  }
}

package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.demo.Demo;
import margins.store.Registrar;
import margins.train.Preset;
import margins.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins demo`: ingest the bundled archive, train the default model, write the archive's sheet and each regime's. */
@Command(name = "demo", header = "Run the main job on the bundled emoji archive.", mixinStandardHelpOptions = true,
    description = "Ingest the bundled OpenMoji archive at 64x64, train the two-stage model (standard preset, about"
        + " 8 minutes in all on two cores), then write a sheet of held-out archive images beside a mimetic sheet (dreams"
        + " at psi 0.7) and an alien one (the alien regime's default sampler).")
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--archive", paramLabel = "DIR", description = "Folder to ingest (default: the bundled demo/openmoji/images).")
  Path archive;

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "standard", description = "How long the"
      + " two-stage model trains: quick, standard or long, as margins train --preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--model", paramLabel = "KIND", defaultValue = "two-stage", description = "two-stage, or vae"
      + " (the earlier model: softer images; trains for --steps) (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--steps", description = "Training steps of a VAE (--model vae) (default: ${DEFAULT-VALUE}).")
  int steps = TrainConfig.defaults().steps();

  @Override
  public Integer call() {
    Preset chosen = Preset.byName(preset);
    if (!model.equals("two-stage") && !model.equals("vae")) {
      throw new BadParameter("--model: two-stage or vae, not '" + model + "'");
    }
    if (model.equals("two-stage") && spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
      throw new BadParameter("--steps sets a VAE's steps (--model vae); the two-stage model trains by --preset");
    }
    Path source = archive != null ? archive : bundled();
    PrintWriter out = spec.commandLine().getOut();
    Demo.Result r;
    try (Registrar store = Registrar.of(studio.dir(), spec.commandLine().getErr())) {
      r = Demo.run(source, studio.dir(), TrainConfig.defaults().withSteps(steps),
          model.equals("vae") ? null : chosen, device.resolve(),
          Version.software(), out, spec.commandLine().getErr(), System.console() != null, store);
      store.report(out);
    }
    out.println();
    out.println("done. Look at:");
    out.println("  the archive (held out): " + r.archive());
    out.println("  mimetic sheet:          " + r.mimetic().sheet() + "  [" + r.mimetic().kinds() + "]");
    out.println("  alien sheet:            " + r.alien().sheet() + "  [" + r.alien().kinds() + "]");
    out.println("  training sheets:        " + r.train().run().sheets());
    out.println("  loss curve:             " + r.train().run().dir().resolve("loss.png"));
    out.println("  one image's recipe:     margins recipe " + r.mimetic().images().get(0));
    out.println("  explore it:             margins studio");
    out.flush();
    return 0;
  }

  private static Path bundled() {
    String home = System.getProperty("margins.home");
    return (home != null ? Path.of(home) : Path.of("")).resolve("demo/openmoji/images").toAbsolutePath();
  }
}

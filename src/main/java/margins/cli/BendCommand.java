package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Hashes;
import margins.Json;
import margins.bend.ActivationNoise;
import margins.bend.Bend;
import margins.bend.Bending;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Seeds;
import margins.recipe.Outputs;
import margins.store.Registrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bend`: seeds decoded through network bends and activation noise, each PNG with its recipe. */
@Command(name = "bend", header = "Make images through network bends and activation noise.", mixinStandardHelpOptions = true,
    description = {"Decode seeds through network bends (operations on a decoder layer's activation maps) and"
        + " activation noise: alien images the model was never trained to make.",
        "--op LAYER:OP[:K=V,K=V[:CHANNELS]]  ops: translate(dx,dy) scale(factor) rotate(degrees) erode(r) dilate(r)"
            + " multiply(factor) binary-threshold(t) flip-h flip-v invert ablate",
        "  CHANNELS: all (default), 3-10, 1,4,9, fraction=0.5,seed=3, or cluster=N (from 'margins clusters';"
            + " the recipe stores the cluster's channel numbers).",
        "  e.g. --op up2:rotate:degrees=45:fraction=0.5,seed=3   --op up1:ablate::cluster=2",
        "Layers are the decoder's stages: fc, up1 .. upN (an unknown name lists them)."})
public final class BendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;
  @Mixin MeasureOption measure;
  @Mixin BendOptions bending;

  @Option(names = "--seeds", defaultValue = "0-15", description = "Seeds (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--psi", defaultValue = "1.0", description = "Latent scale: a two-stage model's dreams at this"
      + " psi, a VAE's prior scaled by it (default: ${DEFAULT-VALUE}).")
  double psi;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: studio/outputs/<run>-bend-<hash of the bends>).")
  Path out;

  @Override
  public Integer call() {
    List<Bend> bends = bending.bends();
    List<ActivationNoise> noises = bending.noises();
    Bending.Request req = new Bending.Request(bends, noises, Seeds.parse(seeds), psi);
    try (Model model = using.load();
        Registrar store = Registrar.of(using.studio(), spec.commandLine().getErr())) {
      Generator gen = new Generator(model);
      Path dir = out;
      if (dir == null) {
        String hash = Hashes.tag(Json.line(Bending.operations(gen, using.studio(), req)));
        dir = using.studio().resolve("outputs").resolve(model.run() + "-bend-" + hash);
      }
      Outputs.Written r = Bending.run(gen, using.studio(), req, dir, measure.measurer(using.studio(), model),
          Version.software(), store);
      PrintWriter o = spec.commandLine().getOut();
      o.printf("%d bent images from %s in %s%n", r.images().size(), model.id(), dir);
      o.println("operations: " + Json.line(r.first().operations()));
      o.println("sheet: " + r.sheet());
      store.report(o);
      o.flush();
    }
    return 0;
  }

}

package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Json;
import margins.bend.ActivationNoise;
import margins.bend.Bend;
import margins.bend.BendConfig;
import margins.bend.Bending;
import margins.bend.OperationText;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Seeds;
import margins.recipe.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bend`: seeds decoded through network bends and activation noise, each PNG with its recipe. */
@Command(name = "bend", mixinStandardHelpOptions = true,
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
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;
  @Mixin MeasureOption measure;

  @Option(names = "--op", paramLabel = "LAYER:OP[:K=V,..[:CHANNELS]]", description = "A bend (repeatable, applied in order).")
  List<String> ops = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "A bending config: a JSON list of {\"layer\",\"op\",\"params\",\"channels\"} (or the same in YAML, in a .yaml or .yml file); applied before any --op.")
  Path config;

  @Option(names = "--noise", paramLabel = "LAYER:STRENGTH[:SEED]",
      description = "Activation noise on a layer (repeatable): strength x N(0,1) per activation, from the seed (default 0).")
  List<String> noise = new ArrayList<>();

  @Option(names = "--seeds", defaultValue = "0-15", description = "Seeds (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--psi", defaultValue = "1.0", description = "Latent scale (default: ${DEFAULT-VALUE}).")
  double psi;

  @Option(names = "--run", description = "Run to use (default: the newest trained run).")
  String run;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: studio/outputs/<run>-bend-<hash of the bends>).")
  Path out;

  @Override
  public Integer call() {
    List<Bend> bends = new ArrayList<>();
    if (config != null) {
      bends.addAll(BendConfig.read(config));
    }
    bends.addAll(OperationText.bends(ops));
    List<ActivationNoise> noises = noise.stream().map(OperationText::noise).toList();
    Bending.Request req = new Bending.Request(bends, noises, Seeds.parse(seeds), psi);
    try (Model model = Model.load(studio.dir(), run, null, device.resolve())) {
      Generator gen = new Generator(model);
      Path dir = out;
      if (dir == null) {
        String hash = shortHash(Json.line(Bending.operations(gen, studio.dir(), req)));
        dir = studio.dir().resolve("outputs").resolve(model.run() + "-bend-" + hash);
      }
      Outputs.Written r = Bending.run(gen, studio.dir(), req, dir, measure.measurer(studio.dir(), model),
          Version.software());
      PrintWriter o = spec.commandLine().getOut();
      o.printf("%d bent images from %s in %s%n", r.images().size(), model.id(), dir);
      o.println("operations: " + Json.line(r.first().operations()));
      o.println("sheet: " + r.sheet());
      o.flush();
    }
    return 0;
  }

  /** Eight hex digits of the text's SHA-256: the same bends land in the same folder. */
  static String shortHash(String text) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d).substring(0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

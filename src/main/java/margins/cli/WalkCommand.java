package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.Hashes;
import margins.Json;
import margins.bend.ActivationNoise;
import margins.bend.Bend;
import margins.bend.Bending;
import margins.model.Generator;
import margins.model.Model;
import margins.redo.WalkRedo;
import margins.store.Registrar;
import margins.walk.Endpoints;
import margins.walk.Sweep;
import margins.walk.Walk;
import margins.walk.WalkRecipe;
import margins.walk.Walking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `margins walk`: a metamorphic walk through latent space as GIF, MP4 or PNG frames, with walk.json. */
@Command(name = "walk", header = "Walk through latent space into an animation.", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Walk through latent space and write the frames as an animation, with walk.json to make them again.",
        "ENDPOINTs: 42 (a seed at --psi: its dream on a two-stage model), out/seed0042.png (a PNG Margins wrote: its latent),"
            + " archive:12 (archive image 12, encoded) or image:photo.jpg (any image, framed like ingest, encoded).",
        "Modes: lerp, slerp (2 endpoints); keyframes (2+, a closed loop); noise-loop (a circle about the origin or"
            + " 1 endpoint); random-walk (with momentum, from the origin or 1 endpoint).",
        "--sweep LAYER:OP:PARAM=FROM..TO[:SHAPE[,cycles=N]] moves a bend or noise parameter over the frames:"
            + " SHAPE linear (default), ping-pong, sine or constant; OP a bend op or noise (PARAM strength).",
        "  e.g. --sweep up2:rotate:degrees=0..360   --sweep up1:noise:strength=0..2:sine,cycles=2",
        "  It moves the first --op (or --noise) of that layer and op, or adds one. Frame i of N sits at t = i/N,"
            + " so sine and ping-pong loop; linear stops one step short of TO."})
public final class WalkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ModelOptions using;
  @Mixin MeasureOption measure;
  @Mixin BendOptions bending;

  @Parameters(paramLabel = "ENDPOINT", arity = "0..*", description = "Seeds, Margins PNGs, archive:N or image:FILE.")
  List<String> endpoints = new ArrayList<>();

  @Option(names = "--mode", defaultValue = "slerp", description = "lerp, slerp, keyframes, noise-loop or random-walk (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--frames", defaultValue = "64", description = "Frames, 2 to 10000 (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--fps", defaultValue = "24", description = "Frames per second, 1 to 60 (default: ${DEFAULT-VALUE}).")
  int fps;

  @Option(names = "--format", split = ",", defaultValue = "gif", description = "gif, png (frames with recipes), mp4; repeatable or a comma list (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--sweep", paramLabel = "LAYER:OP:PARAM=FROM..TO[:SHAPE[,cycles=N]]", description = "A parameter that moves over the frames (repeatable).")
  List<String> sweeps = new ArrayList<>();

  @Option(names = "--psi", defaultValue = "1.0", description = "Scale of seed endpoints (default: ${DEFAULT-VALUE}).")
  double psi;

  @Option(names = "--curve", defaultValue = "catmull-rom", description = "keyframes: catmull-rom or slerp (default: ${DEFAULT-VALUE}).")
  String curve;

  @Option(names = "--radius", defaultValue = "1.0", description = "noise-loop: radius, in units of the prior's typical norm (default: ${DEFAULT-VALUE}).")
  double radius;

  @Option(names = "--walk-seed", defaultValue = "0", description = "noise-loop and random-walk: their seed (default: ${DEFAULT-VALUE}).")
  long walkSeed;

  @Option(names = "--step", defaultValue = "0.25", description = "random-walk: step length (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--momentum", defaultValue = "0.9", description = "random-walk: momentum in [0, 1) (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--close", defaultValue = "0.25", description = "random-walk: fraction of frames bending back to the start; 0 leaves it open (default: ${DEFAULT-VALUE}).")
  double close;

  @Option(names = "--batch", defaultValue = "32", description = "Frames decoded together, recorded in walk.json (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--recipe", paramLabel = "WALK.JSON", description = "Make a walk again from its walk.json (other walk options are ignored).")
  Path recipe;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: studio/outputs/<run>-walk-<mode>-<hash>).")
  Path out;

  @Override
  public Integer call() {
    if (recipe != null) {
      if (out == null) {
        throw new BadParameter("--recipe needs --out DIR");
      }
      try (Registrar store = Registrar.remaking(using.studio(), spec.commandLine().getErr())) {
        int code = report(WalkRedo.run(using.studio(), using.device(), recipe, out,
            m -> measure.measurer(using.studio(), m), store));
        store.report(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return code;
      }
    }
    check();
    List<Bend> bends = bending.bends();
    List<ActivationNoise> noises = bending.noises();
    List<Sweep> moving = sweeps.stream().map(Sweep::parse).toList();
    Walking.Plan plan = new Walking.Plan(mode, frames, curve, radius, walkSeed, step, momentum, close);
    plan.checkEndpoints(endpoints.size());
    Endpoints.check(endpoints);
    try (Model model = using.load();
        Registrar store = Registrar.of(using.studio(), spec.commandLine().getErr())) {
      Generator gen = new Generator(model);
      var opList = Bending.operations(gen, using.studio(), bends, noises);
      Endpoints.Resolved ends = Endpoints.resolve(endpoints, model.vae(), model.density(), using.studio(), psi);
      Walk walk = plan.walk(ends.latents(), model.vae().config().latent());
      WalkRecipe r = Walking.recipe(model, walk, opList, moving, fps, batch, formats, ends.names(), measure.enabled(),
          Version.software());
      Path dir = out != null ? out : using.studio().resolve("outputs")
          .resolve(model.run() + "-walk-" + mode + "-" + Hashes.tag(Json.line(r)));
      int code = report(Walking.write(gen, r, dir, measure.measurer(using.studio(), model), store));
      store.report(spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      return code;
    }
  }

  private void check() {
    Ranges.in("--frames", frames, 2, 10_000);
    Ranges.in("--fps", fps, 1, 60);
    Ranges.in("--batch", batch, 1, 1024);
    Ranges.positiveUpTo("--psi", psi, 10);
    for (String f : formats) {
      if (!Walking.FORMATS.contains(f)) {
        throw new BadParameter("--format must be gif, png or mp4, not '" + f + "'");
      }
    }
  }

  private int report(Walking.Written w) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf("%d frames in %.2f s (%.0f frames/s) in %s%n", w.frames(), w.renderSeconds(),
        w.frames() / Math.max(1e-9, w.renderSeconds()), w.dir());
    for (Path f : w.files()) {
      o.println("wrote: " + f);
    }
    o.println("recipe: " + w.recipe());
    o.flush();
    return 0;
  }
}

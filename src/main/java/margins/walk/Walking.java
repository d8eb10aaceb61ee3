package margins.walk;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.Files2;
import margins.Json;
import margins.MarginsException;
import margins.image.Png;
import margins.model.Generator;
import margins.model.Model;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.recipe.Recipe;
import margins.recipe.Regime;

/** Metamorphic walks: a path through latent space decoded frame by frame into animations, with a recipe. */
public final class Walking {

  /** The sampler id a walk frame's recipe records. */
  public static final String SAMPLER = "walk";

  /** The modes, in help order. */
  public static final List<String> MODES = List.of("lerp", "slerp", "keyframes", "noise-loop", "random-walk");

  /** The per-frame index of a measured walk. */
  public static final String INDEX = "frames.jsonl";

  /** Animation formats a walk can write. */
  public static final List<String> FORMATS = List.of("gif", "png", "mp4");

  /**
   * The shape of a walk apart from its endpoints.
   *
   * @param mode one of {@link #MODES}
   * @param frames frame count
   * @param curve keyframes: catmull-rom or slerp
   * @param radius noise-loop: radius in units of the prior's typical norm
   * @param seed noise-loop and random-walk: their own seed
   * @param step random-walk: step length
   * @param momentum random-walk: momentum in [0, 1)
   * @param close random-walk: fraction of frames that bend back to the start (0 leaves it open)
   */
  public record Plan(String mode, int frames, String curve, double radius, long seed, double step, double momentum,
      double close) {

    /** Checks the mode. */
    public Plan {
      if (!MODES.contains(mode)) {
        throw new BadParameter("--mode must be one of " + String.join(", ", MODES) + ", not '" + mode + "'");
      }
    }

    /** Checks how many endpoints the mode takes. */
    public void checkEndpoints(int n) {
      boolean ok = switch (mode) {
        case "lerp", "slerp" -> n == 2;
        case "keyframes" -> n >= 2;
        default -> n <= 1;
      };
      if (!ok) {
        String want = switch (mode) {
          case "lerp", "slerp" -> "exactly 2 endpoints";
          case "keyframes" -> "at least 2 endpoints (the loop closes back to the first)";
          case "noise-loop" -> "no endpoint (a circle about the origin) or 1 (its centre)";
          default -> "no endpoint (start at the origin) or 1 (the start)";
        };
        throw new BadParameter("--mode " + mode + " takes " + want + ", got " + n);
      }
    }

    /** The walk through these endpoint latents. */
    public Walk walk(float[][] points, int dim) {
      checkEndpoints(points.length);
      return switch (mode) {
        case "lerp" -> new Lerp(points[0], points[1], frames);
        case "slerp" -> new Slerp(points[0], points[1], frames);
        case "keyframes" -> new Keyframes(points, frames, curve);
        case "noise-loop" -> new NoiseLoop(dim, seed, frames, radius, points.length == 0 ? null : points[0]);
        default -> new RandomWalk(points.length == 0 ? new float[dim] : points[0], frames, seed, step, momentum, close);
      };
    }
  }

  /**
   * What a walk left on disk.
   *
   * @param dir the folder
   * @param recipe walk.json
   * @param files the animations (a folder for png)
   * @param frames how many frames
   * @param renderSeconds time spent decoding frames
   */
  public record Written(Path dir, Path recipe, List<Path> files, int frames, double renderSeconds) {}

  private Walking() {}

  /** The recipe for a walk on this model. */
  public static WalkRecipe recipe(Model m, Walk walk, List<JsonNode> ops, List<Sweep> sweeps, int fps, int batch,
      List<String> formats, List<String> parents, boolean measured, String software) {
    FrameOps.check(ops, sweeps);
    return new WalkRecipe(software, m.run(), m.relativePath(), m.sha256(), m.vae().config().resolution(),
        Json.parse(Walks.json(walk), JsonNode.class), ops, sweeps, walk.frames(), fps, batch, formats, parents,
        measured, m.device());
  }

  /**
   * Decodes every frame in the recipe's batches, measures them when the recipe says so (frames.jsonl: each frame's
   * kind), then writes each format and walk.json into `out`.
   */
  public static Written write(Generator gen, WalkRecipe recipe, Path out, Measurer measurer) {
    return write(gen, recipe, out, measurer, Outputs.Sink.NONE);
  }

  /** The same, telling the sink of the PNG frames (the frames an artist keeps) as they are written. */
  public static Written write(Generator gen, WalkRecipe recipe, Path out, Measurer measurer, Outputs.Sink sink) {
    checkModel(gen.model(), recipe);
    for (String f : recipe.formats()) {
      AnimationWriters.forFormat(f);
    }
    List<List<JsonNode>> ops = recipe.frameOperations();
    margins.bend.Operations.hook(ops.get(0), gen.model().vae());
    long t0 = System.nanoTime();
    List<BufferedImage> frames = FrameRenderer.render(gen.model().vae(), recipe.path().latents(), ops, recipe.batch());
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Map<String, Object>> measures = recipe.measured() ? measurer.measure(frames)
        : java.util.Collections.nCopies(frames.size(), Map.of());
    if (recipe.measured()) {
      writeIndex(measures, out.resolve(INDEX));
    }
    List<Path> files = new ArrayList<>();
    for (String f : recipe.formats()) {
      if (f.equals("png")) {
        files.add(writeFrames(gen.model(), recipe, frames, ops, measures, out.resolve("frames"), sink));
      } else {
        Path file = out.resolve("walk." + f);
        AnimationWriters.forFormat(f).write(frames, recipe.fps(), file);
        files.add(file);
      }
    }
    return new Written(out, recipe.write(out), files, frames.size(), seconds);
  }

  /** A walk frame's PNG made again from its recipe: its whole batch decoded again, the frame taken from it. */
  public static BufferedImage frame(Generator gen, Recipe frameRecipe) {
    Object walk = frameRecipe.params().get("walk");
    Object frame = frameRecipe.params().get("frame");
    if (walk == null || !(frame instanceof Number n)) {
      throw new MarginsException("this walk frame's recipe has no walk or frame number in it");
    }
    WalkRecipe recipe = Json.MAPPER.convertValue(walk, WalkRecipe.class);
    checkModel(gen.model(), recipe);
    return FrameRenderer.frame(gen.model().vae(), recipe.path().latents(), recipe.frameOperations(), recipe.batch(),
        n.intValue());
  }

  /** frames.jsonl: one line per frame with its number, the regime its kind falls in, and its measures. */
  private static void writeIndex(List<Map<String, Object>> measures, Path file) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < measures.size(); i++) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("frame", i);
      line.put("regime", regime(measures.get(i)).id());
      line.put("measures", measures.get(i));
      sb.append(Json.line(line)).append('\n');
    }
    Files2.writeAtomic(file, sb.toString());
  }

  /** A frame's regime: the one its measured kind falls in, alien when unmeasured. */
  private static Regime regime(Map<String, Object> measures) {
    Object kind = measures.get("kind");
    return kind == null ? Regime.ALIEN : Regime.ofKind(kind.toString());
  }

  private static Path writeFrames(Model m, WalkRecipe recipe, List<BufferedImage> frames, List<List<JsonNode>> ops,
      List<Map<String, Object>> measures, Path dir, Outputs.Sink sink) {
    float[][] latents = recipe.path().latents();
    @SuppressWarnings("unchecked")
    Map<String, Object> walk = Json.MAPPER.convertValue(recipe, Map.class);
    List<Path> files = new ArrayList<>();
    List<Recipe> recipes = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("frame", i);
      params.put("walk", walk);
      Recipe r = new Recipe(recipe.software(), m.run(), m.relativePath(), m.sha256(), recipe.resolution(),
          regime(measures.get(i)).id(), SAMPLER, i, null, params, latents[i], ops.get(i), List.of(WalkRecipe.FILE),
          measures.get(i), recipe.device());
      Path file = dir.resolve(PngFramesWriter.name(i));
      Png.write(file, frames.get(i), Recipe.KEYWORD, r.json());
      files.add(file);
      recipes.add(r);
      if (files.size() == Outputs.CHUNK || i == frames.size() - 1) {
        sink.written(List.copyOf(files), List.copyOf(recipes));
        files.clear();
        recipes.clear();
      }
    }
    return dir;
  }

  private static void checkModel(Model m, WalkRecipe r) {
    if (!m.sha256().equals(r.checkpointSha256())) {
      throw new MarginsException("the walk was made with checkpoint " + r.checkpoint() + ", not " + m.relativePath());
    }
  }
}

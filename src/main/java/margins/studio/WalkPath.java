package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import margins.BadParameter;
import margins.walk.Keyframes;
import margins.walk.NoiseLoop;
import margins.walk.RandomWalk;
import margins.walk.Walk;

/**
 * A live walk's loop of latents, from the open tile: {@code loop} (a circle around it), {@code drift} (a random
 * walk with momentum from it, bending back to it) or {@code keyframes} (through the kept tiles, closing on itself).
 *
 * @param id the walk's id in the exploration ("w2")
 * @param mode loop, drift or keyframes
 * @param from the tile it starts from
 * @param seed its seed
 * @param latents one per frame (frames x L)
 * @param operations the start tile's bends, on every frame
 */
record WalkPath(String id, String mode, String from, long seed, float[][] latents, List<JsonNode> operations) {

  /** Frames in a loop of one tile (8 s at 30 fps), and per keyframe. */
  static final int FRAMES = 240;

  static final List<String> MODES = List.of("loop", "drift", "keyframes");

  int frames() {
    return latents.length;
  }

  static WalkPath of(String id, String mode, Tile from, List<Tile> kept, long seed) {
    Walk w = switch (mode) {
      case "loop" -> new NoiseLoop(from.latent().length, seed, FRAMES, 0.35, from.latent());
      case "drift" -> new RandomWalk(from.latent(), FRAMES, seed, 0.12, 0.9, 0.35);
      case "keyframes" -> {
        List<float[]> points = new ArrayList<>();
        points.add(from.latent());
        for (Tile t : kept) {
          if (!t.id().equals(from.id()) && points.size() < 8) {
            points.add(t.latent());
          }
        }
        if (points.size() < 2) {
          throw new BadParameter("a keyframe walk goes through kept tiles: keep one more than the open tile");
        }
        yield new Keyframes(points.toArray(float[][]::new), FRAMES / 2 * points.size(), "catmull-rom");
      }
      default -> throw new BadParameter("a walk's mode is one of " + MODES + ", not '" + mode + "'");
    };
    return new WalkPath(id, mode, from.id(), seed, w.latents(), from.operations());
  }
}

package margins.studio;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import margins.bend.Operations;
import margins.image.Png;
import margins.recipe.Draw;

/**
 * Edits of the open tile, drawn live: a preview is decoded and sent as a PNG without being recorded (it follows a
 * slider being dragged); a derived tile is the edit made permanent, written with its recipe and recorded as a
 * gene-edit or a bend of its parent.
 */
final class Previews {

  private Previews() {}

  /** The edited tile as PNG bytes (on the worker). */
  static byte[] png(Studio studio, Tile tile, Edits e) {
    Draw d = e.apply(studio, tile, tile.seed());
    BufferedImage img = studio.generator().image(d.latent(), Operations.hook(d.operations(), studio.model().vae()));
    return Png.encode(img, null, null);
  }

  /** The edit made a tile of the exploration, with the act that made it (on the worker). */
  static Tile derive(Studio studio, Exploration x, Tile tile, Edits e) {
    Draw d = e.apply(studio, tile, tile.seed());
    Maker.Made made = studio.maker().make(List.of(d)).get(0);
    String origin = e.origin();
    Tile t = studio.maker().write(x, made, new Maker.Spec(null, origin, Act.HUMAN, List.of(tile.id()), origin, null));
    long at = studio.now();
    x.record(studio.journal(), seq -> new Act(seq, at, origin.equals("bend") ? "bend" : "edit", Act.HUMAN,
        Map.of("tile", t.id(), "from", tile.id(), "params", d.params())));
    return t;
  }
}

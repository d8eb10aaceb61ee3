package margins.bend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.network.Generative;
import margins.network.LayerHook;

/**
 * The "mix" operation: at one decoder layer, the maps of another latent (decoded alone up to that layer) replace the
 * current maps where a spatial mask is 1, {@code out = maps * (1 - m) + other * m}, so two images grow into one.
 *
 * @param vae the network that decodes the other latent
 * @param layer the decoder stage whose maps are mixed
 * @param other the other latent
 * @param mask "left-right" (other on the right half), "top-bottom" (other below), "disc" (other inside a centred
 *     disc of radius 0.35 of the side) or "checker" (other on the dark squares of a 4 x 4 board)
 */
public record Mix(Generative vae, String layer, float[] other, String mask) implements LayerHook {

  public static final String KIND = "mix";
  public static final List<String> MASKS = List.of("left-right", "top-bottom", "disc", "checker");

  public Mix {
    if (!MASKS.contains(mask)) {
      throw new BadParameter("mix mask must be one of " + MASKS + ", not '" + mask + "'");
    }
  }

  /** The hook for a stored operation {"kind": "mix", "layer", "other": [...], "mask"}. */
  static Mix of(JsonNode op, Generative vae) {
    JsonNode o = op.path("other");
    float[] z = new float[o.size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) o.get(i).asDouble();
    }
    if (z.length != vae.config().latent()) {
      throw new BadParameter("mix: the other latent has " + z.length + " numbers, not "
          + vae.config().latent());
    }
    return new Mix(vae, op.path("layer").asText(), z, op.path("mask").asText());
  }

  /** The operation as a recipe stores it. */
  public static JsonNode operation(String layer, float[] other, String mask) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("layer", layer);
    f.put("other", other);
    f.put("mask", mask);
    return Operations.of(KIND, f);
  }

  @Override
  public NDArray after(String name, NDArray maps) {
    if (!layer.equals(name)) {
      return maps;
    }
    try (NDManager m = maps.getManager().newSubManager()) {
      NDArray[] captured = new NDArray[1];
      vae.logits(m.create(other, new Shape(1, other.length)), false, (l, x) -> {
        if (l.equals(layer)) {
          captured[0] = x;
        }
        return x;
      });
      return blend(maps, captured[0], mask);
    }
  }

  /** maps * (1 - m) + other * m with the mask broadcast over batch and channels; maps, other (B, C, H, W). */
  public static NDArray blend(NDArray maps, NDArray other, String mask) {
    long[] s = maps.getShape().getShape();
    int h = (int) s[2];
    int w = (int) s[3];
    float[] m = mask(mask, h, w);
    float[] inv = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      inv[i] = 1f - m[i];
    }
    NDManager owner = maps.getManager();
    try (NDArray mk = owner.create(m, new Shape(1, 1, h, w)); NDArray ik = owner.create(inv, new Shape(1, 1, h, w));
        NDArray a = maps.mul(ik); NDArray b = other.mul(mk)) {
      return a.add(b);
    }
  }

  /** The mask (H * W, row-major): 1 where the other latent's maps are taken. */
  public static float[] mask(String shape, int h, int w) {
    float[] m = new float[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean other = switch (shape) {
          case "left-right" -> 2 * x >= w;
          case "top-bottom" -> 2 * y >= h;
          case "disc" -> {
            double dx = x + 0.5 - w / 2.0;
            double dy = y + 0.5 - h / 2.0;
            yield dx * dx + dy * dy <= Math.pow(0.35 * Math.min(w, h), 2);
          }
          case "checker" -> ((4 * x / w) + (4 * y / h)) % 2 == 1;
          default -> throw new BadParameter("mix mask must be one of " + MASKS + ", not '" + shape + "'");
        };
        m[y * w + x] = other ? 1f : 0f;
      }
    }
    return m;
  }
}

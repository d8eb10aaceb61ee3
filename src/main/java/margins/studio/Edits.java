package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import margins.BadParameter;
import margins.bend.ActivationNoise;
import margins.bend.Bend;
import margins.bend.BendOps;
import margins.bend.ChannelSpec;
import margins.bend.OperationText;
import margins.bend.Operations;
import margins.recipe.Draw;

/**
 * Edits of the open tile: gene values (its latent moved along the archive's principal directions), a bend (an op of
 * the bend table on a layer's channels, its strength in [0, 1] mapped to the op's own parameter by {@link
 * #STRENGTH}) and activation noise. The result is a draw: the tile's latent and operations with the edit applied.
 *
 * @param genes target gene values in standard deviations, null entries left as they are; null for none
 * @param bend the bend, or null
 * @param noise the noise, or null
 */
public record Edits(Double[] genes, BendEdit bend, NoiseEdit noise) {

  /** A bend from the page: layer, op id, channels in the command line's form, strength in [0, 1]. */
  public record BendEdit(String layer, String op, String channels, double strength) {}

  /** Activation noise from the page: layer and strength in [0, 4]. */
  public record NoiseEdit(String layer, double strength) {}

  /** Each op's parameter as a function of the page's strength s in [0, 1]; ops without parameters take none. */
  public static final Map<String, DoubleFunction<Map<String, Double>>> STRENGTH = strength();

  private static Map<String, DoubleFunction<Map<String, Double>>> strength() {
    Map<String, DoubleFunction<Map<String, Double>>> m = new LinkedHashMap<>();
    m.put("translate", s -> Map.of("dx", 4 * s, "dy", 2 * s));
    m.put("scale", s -> Map.of("factor", 1 + s));
    m.put("rotate", s -> Map.of("degrees", 180 * s));
    m.put("erode", s -> Map.of("r", (double) (1 + Math.round(3 * s))));
    m.put("dilate", s -> Map.of("r", (double) (1 + Math.round(3 * s))));
    m.put("multiply", s -> Map.of("factor", 1 - 3 * s));
    m.put("binary-threshold", s -> Map.of("t", s));
    return m;
  }

  /** Whether the edit changes only genes (a gene-edit) rather than the decoder (a bend). */
  public String origin() {
    return bend == null && noise == null ? "gene-edit" : "bend";
  }

  /** The tile's draw with the edit applied; bad values are refused with what is allowed. */
  Draw apply(Studio studio, Tile tile, long seed) {
    float[] z = tile.latent();
    Map<String, Object> params = new LinkedHashMap<>();
    if (genes != null) {
      if (genes.length > studio.genes().count()) {
        throw new BadParameter("this model has " + studio.genes().count() + " genes, not " + genes.length);
      }
      z = studio.genes().set(z, genes);
      params.put("genes", java.util.Arrays.asList(genes));
    }
    List<JsonNode> ops = new ArrayList<>(tile.operations());
    List<Bend> bends = new ArrayList<>();
    List<ActivationNoise> noises = new ArrayList<>();
    if (bend != null) {
      if (!BendOps.TABLE.containsKey(bend.op())) {
        throw new BadParameter("unknown bend op '" + bend.op() + "'; allowed: " + BendOps.TABLE.keySet());
      }
      double s = check(bend.strength(), 1, "bend strength");
      Map<String, Double> p = STRENGTH.containsKey(bend.op()) ? STRENGTH.get(bend.op()).apply(s) : Map.of();
      bends.add(new Bend(bend.layer(), bend.op(), p, ChannelSpec.parse(bend.channels())));
      params.put("bend", Map.of("op", bend.op(), "strength", s));
    }
    if (noise != null) {
      noises.add(new ActivationNoise(noise.layer(), check(noise.strength(), 4, "noise strength"), seed));
      params.put("noise", noise.strength());
    }
    ops.addAll(OperationText.operations(bends, noises, null));
    Operations.hook(ops, studio.model().vae());
    params.put("from", tile.id());
    return new Draw(seed, z, ops, params, List.of());
  }

  private static double check(double v, double max, String what) {
    if (!(v >= 0 && v <= max)) {
      throw new BadParameter(what + " must be in [0, " + max + "], not " + v);
    }
    return v;
  }
}

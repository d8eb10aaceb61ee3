package margins.walk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import margins.bend.Operations;
import margins.image.Images;
import margins.network.Generative;
import margins.network.LayerHook;

/**
 * Decodes a walk's frames in fixed batches (frames [k B, (k + 1) B)), each frame through its own
 * operations. Batched decoding rounds differently in the last bit than decoding alone, so the batch size
 * is part of a walk's recipe and remaking any frame decodes its whole batch again.
 */
public final class FrameRenderer {

  private FrameRenderer() {}

  /** Every frame, in order. */
  public static List<BufferedImage> render(Generative vae, float[][] latents, List<List<JsonNode>> ops, int batch) {
    List<BufferedImage> out = new ArrayList<>(latents.length);
    for (int start = 0; start < latents.length; start += batch) {
      out.addAll(batch(vae, latents, ops, start, Math.min(latents.length, start + batch)));
    }
    return out;
  }

  /** Frame i alone, made exactly as in {@link #render}: by decoding the batch it belongs to. */
  public static BufferedImage frame(Generative vae, float[][] latents, List<List<JsonNode>> ops, int batch, int i) {
    int start = (i / batch) * batch;
    return batch(vae, latents, ops, start, Math.min(latents.length, start + batch)).get(i - start);
  }

  private static List<BufferedImage> batch(Generative vae, float[][] latents, List<List<JsonNode>> ops, int from, int to) {
    int b = to - from;
    int l = latents[from].length;
    float[] z = new float[b * l];
    for (int i = 0; i < b; i++) {
      System.arraycopy(latents[from + i], 0, z, i * l, l);
    }
    try (NDManager m = vae.manager().newSubManager()) {
      NDArray img = vae.decode(m.create(z, new Shape(b, l)), hook(vae, ops.subList(from, to))); // (B, 3, R, R)
      return Images.fromBatch(img);
    }
  }

  /**
   * One hook for the whole batch when every frame has the same operations and none is noise; otherwise
   * each frame's maps go through their own hook, so noise has the same pattern on every frame (the
   * pattern a frame decoded alone would get) and swept values differ frame by frame.
   */
  static LayerHook hook(Generative vae, List<List<JsonNode>> ops) {
    List<JsonNode> first = ops.get(0);
    boolean same = ops.stream().allMatch(first::equals);
    boolean noise = first.stream().anyMatch(o -> o.path("kind").asText().equals("noise"));
    if (first.isEmpty() && same) {
      return LayerHook.NONE;
    }
    if (same && !noise) {
      return Operations.hook(first, vae);
    }
    List<LayerHook> hooks = new ArrayList<>();
    Set<String> layers = new HashSet<>();
    for (List<JsonNode> f : ops) {
      hooks.add(Operations.hook(f, vae));
      f.forEach(o -> layers.add(o.path("layer").asText()));
    }
    return new PerFrame(hooks, layers);
  }

  /** Runs frame i's hook on row i of the maps, for the layers some operation touches. */
  private record PerFrame(List<LayerHook> hooks, Set<String> layers) implements LayerHook {
    @Override
    public NDArray after(String layer, NDArray maps) {
      if (!layers.contains(layer)) {
        return maps;
      }
      NDList rows = new NDList();
      for (int i = 0; i < hooks.size(); i++) {
        rows.add(hooks.get(i).after(layer, maps.get(i + ":" + (i + 1)))); // (1, C, H, W)
      }
      return NDArrays.concat(rows, 0); // (B, C, H, W)
    }
  }
}

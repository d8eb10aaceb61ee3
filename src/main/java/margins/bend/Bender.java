package margins.bend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/** Applies a layer's bends in order, each only to its selected channels. */
public final class Bender {

  private Bender() {}

  /**
   * Returns a new (B, C, H, W) array: {@code maps} with each bend applied in list order.
   *
   * @param maps (B, C, H, W), left open and unchanged
   * @param bendsForThisLayer the bends to apply; their layer names are not checked here
   * @param clusters cluster id to channel indices for this layer, for {@code {"cluster":N}}; may be empty
   */
  public static NDArray apply(NDArray maps, List<Bend> bendsForThisLayer, Map<Integer, int[]> clusters) {
    if (maps.getShape().dimension() != 4) {
      throw new IllegalArgumentException("maps must be (B, C, H, W), got " + maps.getShape());
    }
    int c = (int) maps.getShape().get(1);
    NDManager owner = maps.getManager();
    try (NDManager scratch = owner.newSubManager()) {
      NDArray current = maps;
      for (Bend bend : bendsForThisLayer) {
        int[] selected = bend.channels().resolve(c, clusters);
        if (selected.length == 0) {
          continue;
        }
        NDArray bent = bend.build().apply(current);
        bent.attach(scratch);
        if (selected.length < c) {
          boolean[] chosen = new boolean[c];
          for (int ch : selected) {
            chosen[ch] = true;
          }
          // (1, C, 1, 1) spread to (B, C, H, W): this engine's where does not broadcast itself.
          NDArray mask = scratch.create(chosen).reshape(1, c, 1, 1).broadcast(maps.getShape());
          bent = NDArrays.where(mask, bent, current);
          bent.attach(scratch);
        }
        current = bent;
      }
      NDArray result = current == maps ? maps.duplicate() : current;
      result.attach(owner);
      return result;
    }
  }
}

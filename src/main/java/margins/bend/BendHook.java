package margins.bend;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margins.network.LayerHook;

/** The layer hook that applies a bending config: each layer's bends, in config order. */
public final class BendHook implements LayerHook {

  private final Map<String, List<Bend>> byLayer = new LinkedHashMap<>();
  private final Map<String, Map<Integer, int[]>> clustersByLayer;

  /**
   * @param bends the whole config
   * @param clustersByLayer per layer name, cluster id to channel indices; may be empty
   */
  public BendHook(List<Bend> bends, Map<String, Map<Integer, int[]>> clustersByLayer) {
    for (Bend b : bends) {
      byLayer.computeIfAbsent(b.layer(), k -> new ArrayList<>()).add(b);
    }
    byLayer.replaceAll((k, v) -> List.copyOf(v));
    this.clustersByLayer = Map.copyOf(clustersByLayer);
  }

  /** The layers the config names, so the caller can reject names its network does not have. */
  public Set<String> layers() {
    return byLayer.keySet();
  }

  @Override
  public NDArray after(String layer, NDArray maps) {
    List<Bend> bends = byLayer.get(layer);
    if (bends == null) {
      return maps;
    }
    return Bender.apply(maps, bends, clustersByLayer.getOrDefault(layer, Map.of()));
  }
}

package margins.network;

import ai.djl.ndarray.NDArray;

/** Called after each named decoder stage at generation time: returns the maps to pass on (B, C, H, W). */
@FunctionalInterface
public interface LayerHook {

  /** Leaves every stage's output as it is. */
  LayerHook NONE = (layer, maps) -> maps;

  NDArray after(String layer, NDArray maps);

  /** This hook, then the next one, on every stage. */
  default LayerHook then(LayerHook next) {
    return (layer, maps) -> next.after(layer, after(layer, maps));
  }
}

package margins.network;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/** Called by the decoder after each named layer; returns the maps to pass on (the same array when untouched). */
@FunctionalInterface
public interface LayerHook {

  /** The hook that changes nothing. */
  LayerHook NONE = (layer, maps) -> maps;

  /**
   * Returns the maps the next layer should see.
   *
   * @param layer the layer's name, as the decoder reports it
   * @param maps the layer's activation maps, (B, C, H, W); the hook must not close them
   */
  NDArray after(String layer, NDArray maps);

  /** Runs {@code first}, then {@code second} on what {@code first} returned. */
  static LayerHook chain(LayerHook first, LayerHook second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first == NONE) {
      return second;
    }
    if (second == NONE) {
      return first;
    }
    return (layer, maps) -> second.after(layer, first.after(layer, maps));
  }
}

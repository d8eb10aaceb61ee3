package margins.recipe;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Measures a batch of outputs before they are written, so each recipe carries where its image falls. */
@FunctionalInterface
public interface Measurer {

  /** Measures nothing: recipes get an empty `measures`. */
  Measurer NONE = images -> images.stream().map(i -> Map.<String, Object>of()).toList();

  /** One map of measures per image, in order. */
  List<Map<String, Object>> measure(List<BufferedImage> images);
}

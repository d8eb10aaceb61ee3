package margins.measure;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import margins.BadParameter;

/** The table of feature spaces by kebab-case id; the model's encoder space arrives as plain vectors instead. */
public final class FeatureSpaces {

  private static final Map<String, Supplier<FeatureSpace>> TABLE = Map.of(
      PixelStructure.ID, PixelStructure::new, Thumbnail.ID, Thumbnail::new);

  private FeatureSpaces() {}

  public static Set<String> ids() {
    return new TreeSet<>(TABLE.keySet());
  }

  /** A new instance of the space with this id; throws IllegalArgumentException listing the known ids. */
  public static FeatureSpace byId(String id) {
    Supplier<FeatureSpace> supplier = TABLE.get(id);
    if (supplier == null) {
      throw new BadParameter("unknown feature space '" + id + "', expected one of " + ids());
    }
    return supplier.get();
  }
}

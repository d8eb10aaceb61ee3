package margins.measure;

import java.util.Arrays;
import java.util.List;

/** Maps square RGB images, float[] in (C=3, H, W) layout with values in [0,1], to fixed-length feature vectors. */
public interface FeatureSpace {

  /** Smallest and largest image side the spaces accept. */
  int MIN_SIZE = 8;

  int MAX_SIZE = 128;

  /** The kebab-case id under which {@link FeatureSpaces} lists this space. */
  String id();

  /** Length of each vector for images of side {@code imageSize} (8..128). */
  int dimension(int imageSize);

  /** One vector per image, in order; every image must have length 3 * size * size. An empty list gives none. */
  float[][] embed(List<float[]> images, int size);

  default float[][] embed(float[][] images, int size) {
    return embed(Arrays.asList(images), size);
  }
}

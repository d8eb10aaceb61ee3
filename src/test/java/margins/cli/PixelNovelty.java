package margins.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import margins.archive.TrainingSet;
import margins.measure.PixelStructure;
import margins.model.Model;
import margins.model.TrainedOn;
import margins.network.LayerHook;

/**
 * Novelty as the test measures it, apart from the samplers: a latent decoded alone, embedded in the pixel-structure
 * space, and its mean distance to the 5 nearest images of the training split.
 */
final class PixelNovelty {

  static final int K = 5;

  private final Model model;
  private final float[][] archive;

  private PixelNovelty(Model model, float[][] archive) {
    this.model = model;
    this.archive = archive;
  }

  /** Measures against the training split of the run that trained the model. */
  static PixelNovelty against(Path studio, Model model) {
    TrainingSet set = TrainedOn.of(studio, model).trainingSplit();
    List<float[]> images = new ArrayList<>();
    for (int i = 0; i < set.count(); i++) {
      float[] x = new float[3 * set.size() * set.size()];
      set.copyChw(i, x, 0, false);
      images.add(x);
    }
    return new PixelNovelty(model, new PixelStructure().embed(images, set.size()));
  }

  /** The mean Euclidean distance from the latent's image to its K nearest archive images. */
  double of(float[] latent) {
    float[] image;
    try (NDManager m = model.vae().manager().newSubManager()) {
      image = model.vae().decode(m.create(latent, new Shape(1, latent.length)), LayerHook.NONE).toFloatArray();
    }
    float[] f = new PixelStructure().embed(List.of(image), model.vae().config().resolution())[0];
    double[] d = new double[archive.length];
    for (int i = 0; i < archive.length; i++) {
      double s = 0;
      for (int t = 0; t < f.length; t++) {
        s += (f[t] - archive[i][t]) * (double) (f[t] - archive[i][t]);
      }
      d[i] = Math.sqrt(s);
    }
    Arrays.sort(d);
    return Arrays.stream(d, 0, K).average().orElseThrow();
  }
}

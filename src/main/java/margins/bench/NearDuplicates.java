package margins.bench;

import java.util.ArrayList;
import java.util.List;
import margins.math.VectorMath;
import margins.measure.FeatureSpace;
import margins.measure.Tolerance;
import margins.report.ArchiveMeasurer;

/**
 * The held-out split's true share of near-duplicates, judged without the feature spaces: in plain pixels (RGB at
 * up to 32 x 32, root-mean-square difference), a held-out image has a near-duplicate when some training image is
 * nearer to it than the median light variant of a training image is to its original ({@link Tolerance} in this
 * pixel space).
 */
public final class NearDuplicates {

  /** Side the pixels are compared at: small enough that 5,000 images take 60 MB. */
  static final int SIDE = 32;

  private NearDuplicates() {}

  /** The share of the held-out split that has a near-duplicate in the training split. */
  public static double share(ArchiveMeasurer m) {
    int[] train = m.trainIndices();
    int[] held = m.heldOut();
    if (held.length == 0) {
      return Double.NaN;
    }
    Pixels px = new Pixels(Math.min(SIDE, m.size()));
    double rho = Tolerance.calibrate(px, i -> m.archiveImage(train[i]), train.length, m.size());
    float[][] archive = embed(px, m, train);
    float[][] queries = embed(px, m, held);
    double rho2 = rho * rho;
    // Only held-out against training: no training-to-training distances, which at 3,072 values each would cost
    // ten times more.
    long near = java.util.stream.IntStream.range(0, queries.length).parallel().filter(q -> {
      for (float[] a : archive) {
        if (VectorMath.squaredDistance(queries[q], a) <= rho2) {
          return true;
        }
      }
      return false;
    }).count();
    return (double) near / held.length;
  }

  private static float[][] embed(Pixels px, ArchiveMeasurer m, int[] indices) {
    float[][] out = new float[indices.length][];
    for (int from = 0; from < indices.length; from += 500) {
      List<float[]> block = new ArrayList<>();
      for (int i = from; i < Math.min(indices.length, from + 500); i++) {
        block.add(m.archiveImage(indices[i]));
      }
      System.arraycopy(px.embed(block, m.size()), 0, out, from, block.size());
    }
    return out;
  }

  /** RGB values area-averaged to side x side, scaled so that distance is the root-mean-square difference. */
  record Pixels(int side) implements FeatureSpace {

    @Override
    public String id() {
      return "pixels";
    }

    @Override
    public int dimension(int imageSize) {
      return 3 * side * side;
    }

    @Override
    public float[][] embed(List<float[]> images, int size) {
      int f = size / side;
      double scale = 1.0 / Math.sqrt(3.0 * side * side);
      float[][] out = new float[images.size()][];
      for (int n = 0; n < out.length; n++) {
        float[] x = images.get(n);
        float[] v = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
          for (int y = 0; y < size; y++) {
            for (int xx = 0; xx < size; xx++) {
              v[c * side * side + (y / f) * side + xx / f] += x[c * size * size + y * size + xx];
            }
          }
        }
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (v[i] / (f * f) * scale);
        }
        out[n] = v;
      }
      return out;
    }
  }
}

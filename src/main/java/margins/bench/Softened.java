package margins.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.measure.Variants;
import margins.report.ArchiveMeasurer;
import margins.report.Survey;

/**
 * The held-out split rendered softer, shifted, recoloured or at half resolution: stand-ins for a model's
 * reconstructions that need no model. Strengths are given at 64 px and scaled with the image side.
 */
public final class Softened {

  /** Seed of the recolourings. */
  static final long SEED = 10L;

  private Softened() {}

  /** Four batches: blurred 1.5 px, shifted 2 px, recoloured, halved and back, each of the whole held-out split. */
  public static List<Survey.Measured> all(ArchiveMeasurer m) {
    int size = m.size();
    double scale = size / 64.0;
    int d = Math.max(1, (int) Math.round(2 * scale));
    List<Survey.Measured> out = new ArrayList<>();
    out.add(batch(m, "held-out blurred (1.5 px at 64)", (x, i) -> Variants.blur(x, size, 1.5 * scale)));
    out.add(batch(m, "held-out shifted (2 px at 64)", (x, i) -> {
      int dir = i % 4;
      return Variants.shift(x, size, dir == 0 ? d : dir == 2 ? -d : 0, dir == 1 ? d : dir == 3 ? -d : 0);
    }));
    out.add(batch(m, "held-out recoloured (gain 6%, offset 3%)", (x, i) -> {
      SplittableRandom r = new SplittableRandom(SEED + i);
      double[] gain = new double[3];
      double[] offset = new double[3];
      for (int c = 0; c < 3; c++) {
        gain[c] = 1 + 0.06 * gaussian(r);
        offset[c] = 0.03 * gaussian(r);
      }
      return Variants.recolour(x, size, gain, offset);
    }));
    out.add(batch(m, "held-out at half resolution and back", (x, i) -> Variants.downUp(x, size)));
    return out;
  }

  /** A change of one image, given its position in the split. */
  interface Change {
    float[] apply(float[] image, int index);
  }

  private static Survey.Measured batch(ArchiveMeasurer m, String name, Change change) {
    int[] held = m.heldOut();
    List<float[]> images = new ArrayList<>(held.length);
    for (int i = 0; i < held.length; i++) {
      images.add(change.apply(m.archiveImage(held[i]), i));
    }
    return Survey.measure(m, name, List.of(), images);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

package margins.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import margins.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearestTest {

  @TempDir Path studio;

  /** Points around 50 random centres in a 16-dimensional subspace of `dim`, plus a little noise everywhere. */
  static float[][] clustered(int n, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] basis = new double[16][dim];
    for (double[] b : basis) {
      for (int j = 0; j < dim; j++) {
        b[j] = r.nextGaussian() / 4;
      }
    }
    double[][] centres = new double[50][16];
    for (double[] c : centres) {
      for (int k = 0; k < 16; k++) {
        c[k] = 2 * r.nextGaussian();
      }
    }
    float[][] out = new float[n][dim];
    for (float[] v : out) {
      double[] c = centres[r.nextInt(centres.length)];
      for (int k = 0; k < 16; k++) {
        double z = c[k] + r.nextGaussian();
        for (int j = 0; j < dim; j++) {
          v[j] += (float) (z * basis[k][j]);
        }
      }
      for (int j = 0; j < dim; j++) {
        v[j] += (float) (0.02 * r.nextGaussian());
      }
    }
    return out;
  }

  @Test
  void exactSearchGivesTheSameOrderAsSortingEveryDistance() {
    float[][] v = clustered(500, 40, 1);
    float[] q = clustered(1, 40, 2)[0];
    Integer[] all = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(all, Comparator.comparingDouble(i -> Nearest.squared(v[i], q)));
    int[] expected = Arrays.stream(all).limit(10).mapToInt(Integer::intValue).toArray();
    assertArrayEquals(expected, Nearest.exactRows(v, q, 10));
  }

  @Test
  void theHnswIndexFindsAtLeast95PercentOfTheExactTenNearest() {
    int n = 2000;
    float[][] v = clustered(n, 96, 3);
    float[][] queries = clustered(50, 96, 4);
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      owners.add("item" + i);
    }
    try (Store store = Store.open(studio)) {
      Vectors.store(store, "test@1", "test", 96, owners, Arrays.asList(v));
      try (HnswIndex index = HnswIndex.open(store, "test@1", Progress.Target.NONE)) {
        assertEquals(n, index.size());
        int hit = 0;
        for (float[] q : queries) {
          Set<String> exact = new HashSet<>();
          for (int i : Nearest.exactRows(v, q, 10)) {
            exact.add("item" + i);
          }
          hit += (int) index.search(q, 10, false).stream().filter(h -> exact.contains(h.owner())).count();
        }
        double recall = hit / (10.0 * queries.length);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
      }
    }
  }

  @Test
  void theIndexTakesInVectorsAddedSinceAndIsRebuiltWhenOnesAreReplaced() {
    float[][] v = clustered(400, 32, 5);
    try (Store store = Store.open(studio)) {
      Vectors.store(store, "s@1", "s", 32, names(0, 300), Arrays.asList(v).subList(0, 300));
      HnswIndex.open(store, "s@1", Progress.Target.NONE).close();
      Vectors.store(store, "s@1", "s", 32, names(300, 400), Arrays.asList(v).subList(300, 400));
      try (HnswIndex index = HnswIndex.open(store, "s@1", Progress.Target.NONE)) {
        assertEquals(400, index.size());
        assertEquals("item350", index.search(v[350], 1, false).get(0).owner());
      }
      // Replacing a vector gives it a new row: the index cannot hold the old one, so it is built again.
      Vectors.store(store, "s@1", "s", 32, List.of("item0"), List.of(v[399]));
      try (HnswIndex index = HnswIndex.open(store, "s@1", Progress.Target.NONE)) {
        assertEquals(400, index.size());
      }
    }
  }

  private static List<String> names(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "item" + i).toList();
  }
}

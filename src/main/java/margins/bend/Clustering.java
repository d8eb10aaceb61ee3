package margins.bend;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import margins.BadParameter;
import margins.image.ContactSheet;
import margins.image.Png;
import margins.math.KMeans;
import margins.model.Codes;
import margins.model.Generator;
import margins.model.TrainedOn;
import margins.network.Generative;
import margins.network.LayerHook;
import margins.train.RunDir;

/**
 * Groups each decoder layer's channels by what they draw over the archive. Archive images (a seeded
 * sample of the training split) are encoded, their posterior means decoded, and each channel's maps over
 * all of them, (n H W) numbers, form its feature vector; vectors are centred and scaled to unit length, so
 * the squared distance between two channels is 2 (1 - correlation) and k-means groups channels that fire
 * on the same places of the same images. Then per layer and cluster a sheet shows what ablating it does.
 */
public final class Clustering {

  /** Images per sheet row. */
  private static final int ROW = 8;

  private static final int BATCH = 64;

  /**
   * What clustering wrote.
   *
   * @param clusters what is in clusters.json
   * @param file clusters.json
   * @param sheets one per layer and cluster: plain images above, the cluster ablated below
   */
  public record Result(ChannelClusters clusters, Path file, List<Path> sheets) {}

  private Clustering() {}

  /** Clusters every layer's channels into k groups (seeded), writes clusters.json and the ablation sheets. */
  public static Result run(Path studio, Generator gen, int k, int images, long seed) {
    if (k < 1 || k > 64) {
      throw new BadParameter("--k must be in [1, 64], not " + k);
    }
    if (images < 2 || images > 4096) {
      throw new BadParameter("--images must be in [2, 4096], not " + images);
    }
    TrainedOn trained = TrainedOn.of(studio, gen.model());
    int[] train = trained.trainIndices();
    List<Integer> order = new ArrayList<>(Arrays.stream(train).boxed().toList());
    Collections.shuffle(order, new Random(seed));
    int[] chosen = order.subList(0, Math.min(images, order.size())).stream().mapToInt(Integer::intValue).sorted().toArray();
    Generative vae = gen.model().vae();
    float[][] means = Codes.encode(vae, trained.archive().subset(chosen)).means();
    Map<String, float[][]> features = features(vae, means);
    Map<String, ChannelClusters.Layer> layers = new LinkedHashMap<>();
    features.forEach((layer, f) -> layers.put(layer, layer(f, k, seed)));
    ChannelClusters clusters = new ChannelClusters(gen.model().run(), gen.model().sha256(), k, seed, chosen.length,
        layers);
    Path runDir = RunDir.find(studio, gen.model().run()).dir();
    Path file = clusters.write(runDir);
    List<Path> sheets = sheets(gen, means, clusters, runDir.resolve("clusters"));
    return new Result(clusters, file, sheets);
  }

  /** Per layer, per channel: its maps over all images, centred and unit length. (C, n H W) */
  private static Map<String, float[][]> features(Generative vae, float[][] means) {
    int n = means.length;
    int l = vae.config().latent();
    Map<String, float[][]> out = new LinkedHashMap<>();
    for (int start = 0; start < n; start += BATCH) {
      int b = Math.min(BATCH, n - start);
      float[] z = new float[b * l];
      for (int i = 0; i < b; i++) {
        System.arraycopy(means[start + i], 0, z, i * l, l);
      }
      int first = start;
      LayerHook capture = (layer, maps) -> {
        long[] s = maps.getShape().getShape(); // (B, C, H, W)
        int c = (int) s[1];
        int hw = (int) (s[2] * s[3]);
        float[][] f = out.computeIfAbsent(layer, k -> new float[c][n * hw]);
        float[] v = maps.toFloatArray();
        for (int i = 0; i < b; i++) {
          for (int ch = 0; ch < c; ch++) {
            System.arraycopy(v, (i * c + ch) * hw, f[ch], (first + i) * hw, hw);
          }
        }
        return maps;
      };
      try (NDManager m = vae.manager().newSubManager()) {
        vae.decode(m.create(z, new Shape(b, l)), capture).close();
      }
    }
    out.values().forEach(Clustering::normalise);
    return out;
  }

  private static void normalise(float[][] channels) {
    for (float[] v : channels) {
      double mean = 0;
      for (float x : v) {
        mean += x;
      }
      mean /= v.length;
      double ss = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] -= (float) mean;
        ss += (double) v[j] * v[j];
      }
      // A dead channel (constant maps) stays at the origin: it clusters with the other dead ones.
      double norm = Math.sqrt(ss);
      for (int j = 0; j < v.length && norm > 0; j++) {
        v[j] = (float) (v[j] / norm);
      }
    }
  }

  private static ChannelClusters.Layer layer(float[][] f, int k, long seed) {
    int kk = Math.min(k, f.length);
    int[] label = KMeans.fit(f, kk, seed, 100).assignment();
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < kk; c++) {
      members.add(new ArrayList<>());
    }
    for (int ch = 0; ch < label.length; ch++) {
      members.get(label[ch]).add(ch);
    }
    int[][] clusters = members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    return new ChannelClusters.Layer(f.length, clusters);
  }

  private static List<Path> sheets(Generator gen, float[][] means, ChannelClusters clusters, Path dir) {
    List<Path> out = new ArrayList<>();
    int shown = Math.min(ROW, means.length);
    List<BufferedImage> plain = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      plain.add(gen.image(means[i], LayerHook.NONE));
    }
    for (var e : clusters.layers().entrySet()) {
      int[][] cs = e.getValue().clusters();
      for (int c = 0; c < cs.length; c++) {
        Bend ablate = new Bend(e.getKey(), "ablate", Map.of(), new ChannelSpec.Indices(cs[c]));
        BendHook hook = new BendHook(List.of(ablate), Map.of());
        List<BufferedImage> tiles = new ArrayList<>(plain);
        for (int i = 0; i < shown; i++) {
          tiles.add(gen.image(means[i], hook));
        }
        Path sheet = dir.resolve(e.getKey() + "-cluster" + c + ".png");
        Png.write(sheet, ContactSheet.of(tiles, shown, 64));
        out.add(sheet);
      }
    }
    return out;
  }
}

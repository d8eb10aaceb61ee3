package margins.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import margins.recipe.Recipe;
import margins.store.Registration;
import margins.store.Store;

/**
 * The store's write figures: items registered through the public API (PNG files hashed, recipes with measures in
 * two spaces and a parent, a transaction per chunk of 256 as a command registers them), their throughput, the
 * database's size per item, and what one command's registration of a 64-image batch costs, opening included.
 */
public final class StoreBenchmark {

  /** Items per transaction: one chunk of Outputs. */
  static final int CHUNK = 256;

  /**
   * Insert figures.
   *
   * @param items items registered
   * @param seconds their registration, file hashing included (writing the PNGs is not)
   * @param dbBytes the database with its WAL after a checkpoint
   * @param openMs opening the store (schema check) in a fresh process's way
   * @param batch64Ms registering a 64-image batch, one transaction, with open and close
   */
  public record Inserts(int items, double seconds, long dbBytes, double openMs, double batch64Ms) {

    public double perSecond() {
      return items / seconds;
    }

    public double microsPerItem() {
      return seconds * 1e6 / items;
    }

    public double bytesPerItem() {
      return (double) dbBytes / items;
    }
  }

  private StoreBenchmark() {}

  public static Inserts inserts(int n, Path scratch) {
    Path studio = scratch.resolve("studio");
    Path out = studio.resolve("outputs").resolve("00000-vae32-bench");
    byte[] png = BenchImages.png();
    SplittableRandom r = new SplittableRandom(7);
    List<Registration> all = new ArrayList<>(n);
    try {
      Files.createDirectories(out);
      for (int i = 0; i < n; i++) {
        Path f = out.resolve(String.format("seed%07d.png", i));
        Files.write(f, png);
        all.add(Registration.of(f, recipe(i, r)));
      }
      long t0 = System.nanoTime();
      try (Store store = Store.open(studio)) {
        for (int from = 0; from < n; from += CHUNK) {
          store.registerAll(all.subList(from, Math.min(n, from + CHUNK)));
        }
        store.read(c -> {
          try (var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // Outside a transaction: it cannot run inside one.
          }
          return null;
        });
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long bytes = size(Store.file(studio)) + size(Store.file(studio).resolveSibling("margins.db-wal"));
      // A command's cost: open, one transaction of 64, close, on a store already holding n items.
      List<Registration> batch = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Path f = out.resolve(String.format("extra%03d.png", i));
        Files.write(f, png);
        batch.add(Registration.of(f, recipe(n + i, r)));
      }
      long t1 = System.nanoTime();
      try (Store store = Store.open(studio)) {
        double openMs = (System.nanoTime() - t1) / 1e6;
        store.registerAll(batch);
        store.close();
        return new Inserts(n, seconds, bytes, openMs, (System.nanoTime() - t1) / 1e6);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A recipe shaped like a measured sample's: latent 32, two spaces of measures, an archive parent. */
  static Recipe recipe(int i, SplittableRandom r) {
    float[] latent = new float[32];
    for (int j = 0; j < latent.length; j++) {
      latent[j] = (float) r.nextDouble(-2.5, 2.5);
    }
    String kind = List.of("copy", "mimetic", "marginal", "alien").get(r.nextInt(4));
    Map<String, Object> measures = new LinkedHashMap<>();
    measures.put("kind", kind);
    for (String space : List.of("pixel-structure", "encoder")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nearest", r.nextInt(900));
      m.put("source", "emoji/" + r.nextInt(900) + ".png");
      m.put("distance", r.nextDouble());
      m.put("realism", r.nextDouble() * 2);
      m.put("rarity", r.nextDouble() * 3);
      m.put("inside", r.nextBoolean());
      m.put("kind", kind);
      measures.put(space, m);
    }
    return new Recipe("margins bench", "00000-vae32", "runs/00000-vae32/checkpoints/step-006000.ckpt",
        "5a5e1b0c4d2f3e4a5b6c7d8e9f00112233445566778899aabbccddeeff001122", 32,
        kind.equals("copy") || kind.equals("mimetic") ? "mimetic" : "alien", "archive-neighbours", i, null,
        Map.of("radius", 0.5), latent, List.<JsonNode>of(), List.of("archive:" + r.nextInt(900)), measures,
        "cpu:onednn");
  }

  static long size(Path f) {
    try {
      return Files.exists(f) ? Files.size(f) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package margins.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import margins.measure.ArchiveManifold;
import margins.measure.BatchMeasures;
import margins.measure.FeatureSpace;
import margins.measure.Kid;
import margins.measure.KidBlocks;
import margins.measure.Measure;
import margins.measure.PixelStructure;

/**
 * Times the measure pipeline on random images: embed an archive and a batch of outputs in pixel-structure, fit the
 * manifold, place the outputs, batch measures (block KID, the archive's KID side included), the classic 100 x 1000
 * subset KID for comparison; then a ten-times-larger batch streamed in blocks, with peak heap.
 */
public final class MeasureBenchmark {

  /** Images generated and embedded per block, so raw images never all sit in memory at once. */
  static final int IMAGE_BLOCK = 500;

  /** Seconds per stage, the large batch's size, seconds and sampled peak heap (MiB), and its kind counts. */
  public record Figures(
      int archive,
      int outputs,
      int imageSize,
      double embedSeconds,
      double fitSeconds,
      double placeSeconds,
      double batchSeconds,
      double classicKidSeconds,
      BatchMeasures batch,
      Kid.Estimate classicKid,
      int largeOutputs,
      double largeEmbedSeconds,
      double largeBatchSeconds,
      double peakHeapMiB,
      BatchMeasures large) {

    /** Fitting plus placing: the "place 1,000 outputs against the archive" figure. */
    public double fitAndPlaceSeconds() {
      return fitSeconds + placeSeconds;
    }

    /** Everything from raw images to every placement and batch measure: the "<= 10 s on 2 cores" figure. */
    public double totalSeconds() {
      return embedSeconds + fitSeconds + placeSeconds + batchSeconds;
    }
  }

  private MeasureBenchmark() {}

  public static Figures run(int archive, int outputs, int imageSize, long seed) {
    FeatureSpace space = new PixelStructure();
    SplittableRandom random = new SplittableRandom(seed);
    HeapSampler heap = new HeapSampler();
    heap.start();
    try {
      long t0 = System.nanoTime();
      float[][] archiveFeatures = embedRandom(space, archive, imageSize, random);
      float[][] outputFeatures = embedRandom(space, outputs, imageSize, random);
      long t1 = System.nanoTime();
      ArchiveManifold manifold = ArchiveManifold.fit(archiveFeatures, 3);
      long t2 = System.nanoTime();
      Measure.place(manifold, outputFeatures);
      long t3 = System.nanoTime();
      BatchMeasures batch = Measure.batch(manifold, outputFeatures, seed);
      long t4 = System.nanoTime();
      Kid.Estimate classic = Kid.estimate(outputFeatures, archiveFeatures, Kid.DEFAULT_SUBSETS, Kid.DEFAULT_SUBSET_SIZE, seed);
      long t5 = System.nanoTime();
      int large = 10 * outputs;
      float[][] largeFeatures = embedRandom(space, large, imageSize, random);
      long t6 = System.nanoTime();
      BatchMeasures largeMeasures = Measure.batch(manifold, largeFeatures, seed);
      long t7 = System.nanoTime();
      return new Figures(archive, outputs, imageSize, seconds(t0, t1), seconds(t1, t2), seconds(t2, t3),
          seconds(t3, t4), seconds(t4, t5), batch, classic, large, seconds(t5, t6), seconds(t6, t7),
          heap.peakBytes() / (1024.0 * 1024.0), largeMeasures);
    } finally {
      heap.stop();
    }
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  /**
   * Random test images with some layout: a random base colour, a random-colour rectangle and per-pixel noise of
   * random amplitude, made and embedded {@link #IMAGE_BLOCK} at a time.
   */
  static float[][] embedRandom(FeatureSpace space, int count, int size, SplittableRandom random) {
    float[][] out = new float[count][];
    for (int from = 0; from < count; from += IMAGE_BLOCK) {
      int to = Math.min(count, from + IMAGE_BLOCK);
      List<float[]> images = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        images.add(randomImage(size, random));
      }
      float[][] block = space.embed(images, size);
      System.arraycopy(block, 0, out, from, block.length);
    }
    return out;
  }

  private static float[] randomImage(int size, SplittableRandom random) {
    int plane = size * size;
    float[] im = new float[3 * plane];
    int x0 = random.nextInt(size);
    int x1 = x0 + random.nextInt(size - x0) + 1;
    int y0 = random.nextInt(size);
    int y1 = y0 + random.nextInt(size - y0) + 1;
    double noise = random.nextDouble() * 0.3;
    for (int c = 0; c < 3; c++) {
      double base = random.nextDouble();
      double box = random.nextDouble();
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double v = (x >= x0 && x < x1 && y >= y0 && y < y1 ? box : base) + noise * (random.nextDouble() - 0.5);
          im[c * plane + y * size + x] = (float) Math.max(0, Math.min(1, v));
        }
      }
    }
    return im;
  }

  /** Samples used heap every 5 ms on a daemon thread and keeps the maximum (garbage not yet collected counts). */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;
    private volatile long peak;
    private final Thread thread = new Thread(this::loop, "heap-sampler");

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peakBytes() {
      return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    void stop() {
      running = false;
      thread.interrupt();
    }
  }

  /** Usage: MeasureBenchmark [archive=4500] [outputs=1000] [imageSize=32] [seed=1]. */
  public static void main(String[] args) {
    int archive = args.length > 0 ? Integer.parseInt(args[0]) : 4500;
    int outputs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    print(run(archive, outputs, size, seed), archive, outputs, size, new java.io.PrintWriter(System.out, true));
  }

  /** Prints the figures as a table, each target beside its figure. */
  public static void print(Figures f, int archive, int outputs, int size, java.io.PrintWriter out) {
    out.printf("threads (common pool + caller): %d, max heap %d MiB%n",
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("%-46s %9s%n", "stage", "seconds");
    out.printf("%-46s %9.2f%n", "embed " + archive + " + " + outputs + " images " + size + "x" + size, f.embedSeconds());
    out.printf("%-46s %9.2f%n", "fit manifold on " + archive + " (k = 3)", f.fitSeconds());
    out.printf("%-46s %9.2f%n", "place " + outputs + " outputs", f.placeSeconds());
    out.printf("%-46s %9.2f%n", "  fit + place", f.fitAndPlaceSeconds());
    out.printf("%-46s %9.2f%n", "batch measures, " + outputs + " outputs (block KID)", f.batchSeconds());
    out.printf("%-46s %9.2f%n", "  embed + fit + place + batch (target <= 10)", f.totalSeconds());
    out.printf("%-46s %9.2f%n", "classic KID 100 x 1000, for comparison", f.classicKidSeconds());
    out.printf("KID block %.5f (std %.5f over %d blocks of %d); classic %.5f (std %.5f)%n", f.batch().kid(),
        f.batch().kidStd(), KidBlocks.DEFAULT_BLOCKS, Math.min(KidBlocks.DEFAULT_MAX_BLOCK, outputs / KidBlocks.DEFAULT_BLOCKS),
        f.classicKid().mean(), f.classicKid().std());
    out.printf("%-46s %9.2f%n", "embed " + f.largeOutputs() + " more images", f.largeEmbedSeconds());
    out.printf("%-46s %9.2f%n", "batch measures, " + f.largeOutputs() + " outputs", f.largeBatchSeconds());
    out.printf("%-46s %9.0f%n", "peak used heap, sampled (MiB; target < 1024)", f.peakHeapMiB());
    out.println("large batch: " + f.large());
  }
}

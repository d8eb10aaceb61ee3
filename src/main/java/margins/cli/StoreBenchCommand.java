package margins.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.archive.PreparedArchive;
import margins.bench.SearchBenchmark;
import margins.bench.StoreBenchmark;
import margins.engine.Cpu;
import margins.measure.PixelStructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench store`: the store's insert throughput and size per item, exact search against HNSW. */
@Command(name = "store", header = "Print the store's insert and search figures.", mixinStandardHelpOptions = true,
    description = {"Registers --items items through the store's API (a transaction per 256, as a command does) and",
        "prints their throughput and the database's size per item; then, at each of --sizes vectors of the",
        "pixel-structure space (336 values; drawn around the studio archive's own vectors when it has one), exact",
        "search against the HNSW index (64 principal components, candidates re-ranked on the full vectors):",
        "its build time and segments, latency per query and recall@10, beside the machine and its load; the",
        "process's CPU time for the build and per query, which other work on the cores does not inflate.",
        "Targets: recall >= 0.95; a query at 10^6 vectors under 20 ms on 2 cores.",
        "The default run is bounded (10^5 items, 10^5 vectors: a few minutes); --sizes 100000,1000000 adds the",
        "million, which takes much longer and ~1.5 GB of scratch disk (deleted afterwards)."})
public final class StoreBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;

  @Option(names = "--items", defaultValue = "100000", description = "Items to insert (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--sizes", split = ",", defaultValue = "100000",
      description = "Vector counts to search (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(names = "--queries", defaultValue = "100", description = "Queries timed per size (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--scratch", paramLabel = "DIR", description = "Where the scratch stores go (default: a temp folder).")
  Path scratchDir;

  @Override
  public Integer call() throws IOException {
    Ranges.in("--items", items, 100, 10_000_000);
    Ranges.in("--queries", queries, 10, 10_000);
    for (long n : sizes) {
      if (n < 1_000 || n > 10_000_000) {
        throw new BadParameter("--sizes: each must be in [1000, 10000000], not " + n);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    Path scratch = scratchDir != null ? Files.createDirectories(scratchDir)
        : Files.createTempDirectory("margins-bench-store");
    try {
      StoreBenchmark.Inserts in = StoreBenchmark.inserts(items, scratch);
      o.printf("inserts: %,d items in %.1f s: %,.0f items/s, %.0f µs per item (a transaction per 256);"
          + " database %.1f MB, %.0f bytes per item%n", in.items(), in.seconds(), in.perSecond(), in.microsPerItem(),
          in.dbBytes() / 1e6, in.bytesPerItem());
      o.printf("one command's registration of 64 images into that store: %.1f ms (opening %.1f ms)%n",
          in.batch64Ms(), in.openMs());
      o.flush();
      float[][] bases = bases();
      o.printf("search: pixel-structure vectors (%d values) drawn around %s; HNSW on %d principal components,"
          + " %d candidates re-ranked exactly; %d queries each, %d cores%n", bases[0].length,
          bases.length + (bases.length > 500 && archive ? " archive images of " + studio.dir() : " synthetic bases"),
          margins.store.HnswIndex.DIMENSION, 100, queries, Runtime.getRuntime().availableProcessors());
      Cpu cpu = Cpu.here();
      o.printf("machine: %s, %d cores; load average %.2f at the start, and beside each size when it ended%n",
          cpu.model(), cpu.cores(), load());
      o.printf("%12s  %10s  %12s  %10s  %11s  %8s  %14s  %13s  %13s  %9s  %5s%n", "vectors", "insert/s",
          "exact ms/q", "build s", "build CPU s", "segments", "HNSW ms/q mean", "HNSW ms/q p95", "HNSW CPU ms/q",
          "recall@10", "load");
      o.flush();
      for (long n : sizes) {
        SearchBenchmark.Figures f = SearchBenchmark.run(bases, n, queries, scratch, 1L, StoreCommand.progress(spec));
        o.printf("%,12d  %,10.0f  %12s  %10.1f  %11.1f  %8d  %14.2f  %13.2f  %13.2f  %9.3f  %5.2f%n", f.vectors(),
            f.insertPerSecond(), Double.isNaN(f.exactMs()) ? "-" : String.format("%.2f", f.exactMs()),
            f.buildSeconds(), f.buildCpuSeconds(), f.segments(), f.hnswMeanMs(), f.hnswP95Ms(), f.hnswCpuMs(),
            f.recall(), load());
        o.flush();
      }
    } finally {
      delete(scratch);
    }
    return 0;
  }

  private boolean archive;

  /** The system's load average over the last minute: other work on the cores the figures were taken on. */
  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The studio archive's pixel-structure vectors, or synthetic ones when it has none. */
  private float[][] bases() {
    try {
      PreparedArchive a = PreparedArchive.open(studio.dir());
      List<float[]> images = new ArrayList<>();
      for (int i = 0; i < a.count(); i++) {
        float[] x = new float[3 * a.size() * a.size()];
        a.copyChw(i, x, 0);
        images.add(x);
      }
      archive = true;
      return new PixelStructure().embed(images, a.size());
    } catch (RuntimeException e) {
      return margins.bench.SearchBenchmark.syntheticBases(1000, 336, 1L);
    }
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package margins.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.Json;
import margins.archive.IngestOptions;
import margins.bench.Speed;
import margins.bench.TwoStageSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins bench`: training and decoding speed and peak memory of the default VAE at one size. */
@Command(name = "bench", header = "Print speed and memory figures.", mixinStandardHelpOptions = true,
    subcommands = {RegimesBenchCommand.class, WalkBenchCommand.class, MeasureBenchCommand.class, StoreBenchCommand.class,
        MeasureSuiteCommand.class, StudioBenchCommand.class},
    description = "Print training images/s, decoding images/s, one-image decode time and peak memory"
        + " (bench/run.sh compares them with PyTorch from Python).")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DeviceOption device;

  @Option(names = "--size", defaultValue = "32", description = "Image side: 32, 64 or 128 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", defaultValue = "100", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "10", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--json", description = "Print one JSON line instead of a table.")
  boolean json;

  @Option(names = "--model", paramLabel = "KIND", defaultValue = "vae", description = "Whose speed: vae (training"
      + " images/s, decoding, memory) or two-stage (each phase's images or codes/s, and what the standard preset"
      + " takes at those speeds) (default: ${DEFAULT-VALUE}).")
  String model;

  @Override
  public Integer call() {
    Ranges.oneOf("--size", size, IngestOptions.SIZES);
    Ranges.in("--steps", steps, 1, 1_000_000);
    Ranges.in("--warmup", warmup, 1, 1_000_000);
    if (!model.equals("vae") && !model.equals("two-stage")) {
      throw new BadParameter("--model: vae or two-stage, not '" + model + "'");
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("margins-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(model.equals("two-stage") ? twoStage(scratch) : vae(scratch));
    } finally {
      deleteTree(scratch);
    }
    out.flush();
    return 0;
  }

  private String twoStage(Path scratch) {
    TwoStageSpeed.Figures t = TwoStageSpeed.run(size, steps, warmup, scratch, device.resolve());
    return json ? Json.line(t) : String.format("size %d two-stage: autoencoder %.0f img/s, adversarial %.0f img/s,"
        + " flow %.0f codes/s; the standard preset would take %.0f s; peak RSS %.0f MB, convolutions on %s",
        t.size(), t.aeImgPerSec(), t.ganImgPerSec(), t.flowCodesPerSec(), t.standardSeconds(), t.peakRssMb(),
        t.convPath());
  }

  private String vae(Path scratch) {
    Speed.Figures f = Speed.run(size, steps, warmup, scratch, device.resolve());
    return json ? Json.line(f) : String.format("size %d: train %.0f img/s, decode %.0f img/s (batch 64), one image"
        + " %.2f ms, peak RSS in training %.0f MB, convolutions on %s",
        f.size(), f.trainImgPerSec(), f.decodeImgPerSec(), f.decodeOneMs(), f.peakRssMb(), f.convPath());
  }

  /** The scratch runs hold checkpoints; a benchmark leaves nothing behind. */
  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

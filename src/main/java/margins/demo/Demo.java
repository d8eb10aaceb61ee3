package margins.demo;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margins.archive.Ingest;
import margins.archive.IngestOptions;
import margins.archive.IngestReport;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.image.ContactSheet;
import margins.image.Images;
import margins.image.Png;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Seeds;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.report.ArchiveMeasurer;
import margins.sample.Sampling;
import margins.train.Preset;
import margins.train.RunConfig;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;
import margins.train.TwoStageConfig;

/**
 * The main job on the bundled archive: ingest at 64 pixels, train the two-stage model with a preset, then a sheet of
 * the archive's own held-out images beside a sheet from each regime, so the eye can compare.
 */
public final class Demo {

  /** The demo works at 64 pixels, the default size, where the two-stage model draws sharp images in minutes. */
  public static final int SIZE = 64;

  /** Where everything landed; archive is the sheet of held-out archive images. */
  public record Result(IngestReport ingest, TrainResult train, Path archive, Outputs.Written mimetic,
      Outputs.Written alien) {}

  private Demo() {}

  /**
   * Runs the three steps, telling the sink of every sample written (the store registers them): the two-stage model
   * with this preset, or the VAE with `config`'s steps when preset is null.
   */
  public static Result run(Path archive, Path studio, TrainConfig config, Preset preset, Device device,
      String software, PrintWriter out, PrintWriter progress, boolean terminal, Outputs.Sink sink) {
    out.println("1/3 ingest " + archive);
    out.flush();
    IngestOptions defaults = IngestOptions.defaults();
    IngestReport ingest = Ingest.run(archive, studio,
        new IngestOptions(SIZE, defaults.frame(), defaults.background()), out);
    out.println("    kept " + ingest.kept() + " images at " + SIZE + "x" + SIZE + " in " + ingest.archive());
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio));
    TwoStageConfig two = preset == null ? null
        : TwoStageConfig.defaults(SIZE, 64, config.width(), preset);
    // The two-stage model mirrors images, as `margins train` does: its codes then cover both orientations.
    TrainConfig train = two == null ? config : config.withFlip(true);
    out.println(two == null
        ? "2/3 train a VAE for " + config.steps() + " steps"
        : "2/3 train the two-stage model, preset " + preset.twoStageSteps());
    out.flush();
    RunConfig resolved = Training.resolve(set, train, two, device, software);
    TrainResult trained = Training.start(studio, set, resolved, device, progress, terminal);
    Path archiveSheet = archiveSheet(set, resolved.heldOut(),
        studio.resolve("outputs").resolve(trained.run().name() + "-archive").resolve("sheet.png"));
    try (Model model = Model.load(studio, trained.run().name(), null, device)) {
      boolean density = model.density() != null;
      Sampling.Plan alienPlan = Sampling.plan("alien", null, null, Map.of(), density);
      out.println("3/3 sample: " + (density ? "dream psi 0.7" : "psi 0.7") + " (mimetic) and "
          + alienPlan.sampler().id() + " (alien)");
      out.flush();
      Generator gen = new Generator(model);
      Measurer measurer = ArchiveMeasurer.forStudio(studio, model);
      Path outputs = studio.resolve("outputs");
      Outputs.Written mimetic = Sampling.psi(gen, Seeds.parse("0-63"), 0.7,
          outputs.resolve(model.run() + "-psi0.7"), measurer, software, sink);
      Outputs.Written alien = Sampling.sample(studio, gen, alienPlan, Seeds.parse("0-63"),
          outputs.resolve(model.run() + "-" + alienPlan.folder()), measurer, software, sink);
      return new Result(ingest, trained, archiveSheet, mimetic, alien);
    }
  }

  /** The first 64 held-out archive images (the measures' reference) on one sheet, as the regimes' sheets are laid out. */
  static Path archiveSheet(TrainingSet set, int[] heldOut, Path file) {
    int n = Math.min(64, heldOut.length);
    List<BufferedImage> images = new ArrayList<>();
    int s = set.size();
    float[] chw = new float[3 * s * s];
    for (int i = 0; i < n; i++) {
      set.copyChw(heldOut[i], chw, 0, false);
      images.add(Images.fromChw(chw, 0, s, s));
    }
    Png.write(file, ContactSheet.of(images, 8, 64));
    return file;
  }
}

package margins.demo;

import ai.djl.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import margins.archive.Ingest;
import margins.archive.IngestOptions;
import margins.archive.IngestReport;
import margins.archive.PreparedArchive;
import margins.archive.TrainingSet;
import margins.model.Generator;
import margins.model.Model;
import margins.network.Seeds;
import margins.recipe.Measurer;
import margins.recipe.Outputs;
import margins.report.ArchiveMeasurer;
import margins.sample.Sampling;
import margins.train.TrainConfig;
import margins.train.TrainResult;
import margins.train.Training;

/** The main job on the bundled archive: ingest, train with the defaults, and one sheet from each regime. */
public final class Demo {

  /** The demo works at 32 pixels: the size that trains to recognisable images in minutes on two cores. */
  public static final int SIZE = 32;

  /** Where everything landed. */
  public record Result(IngestReport ingest, TrainResult train, Outputs.Written mimetic, Outputs.Written alien) {}

  private Demo() {}

  /** Runs the three steps, telling the sink of every sample written (the store registers them). */
  public static Result run(Path archive, Path studio, TrainConfig config, Device device, String software,
      PrintWriter out, PrintWriter progress, boolean terminal, Outputs.Sink sink) {
    out.println("1/3 ingest " + archive);
    out.flush();
    IngestOptions defaults = IngestOptions.defaults();
    IngestReport ingest = Ingest.run(archive, studio,
        new IngestOptions(SIZE, defaults.frame(), defaults.background()), out);
    out.println("    kept " + ingest.kept() + " images at " + SIZE + "x" + SIZE + " in " + ingest.archive());
    out.println("2/3 train " + config.steps() + " steps (about " + minutes(config) + " on two cores)");
    out.flush();
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio));
    TrainResult train = Training.start(studio, set, Training.resolve(set, config, device, software), device,
        progress, terminal);
    out.println("3/3 sample: psi 0.7 (mimetic) and psi 2.0 (alien)");
    out.flush();
    try (Model model = Model.load(studio, train.run().name(), null, device)) {
      Generator gen = new Generator(model);
      Measurer measurer = ArchiveMeasurer.forStudio(studio, model);
      Path outputs = studio.resolve("outputs");
      Outputs.Written mimetic = Sampling.psi(gen, Seeds.parse("0-63"), 0.7,
          outputs.resolve(model.run() + "-psi0.7"), measurer, software, sink);
      Outputs.Written alien = Sampling.psi(gen, Seeds.parse("0-63"), 2.0,
          outputs.resolve(model.run() + "-psi2.0"), measurer, software, sink);
      return new Result(ingest, train, mimetic, alien);
    }
  }

  private static String minutes(TrainConfig c) {
    // Measured on a 2-core machine: about 1,500 images per second at 32x32.
    double m = c.steps() * (double) c.batch() / 1500.0 / 60.0;
    return Math.max(1, Math.round(m)) + " min";
  }
}

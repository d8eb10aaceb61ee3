package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margins.report.MeasureImages;
import margins.report.RegimeFigures;
import margins.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins report`: an HTML page showing the two regimes side by side against the archive and noise. */
@Command(name = "report", header = "Write a page comparing both regimes with the archive and noise.", mixinStandardHelpOptions = true,
    description = {
      "Sample a mimetic and an alien batch, measure them with the archive's held-out split and two noise baselines,",
      "and write a self-contained HTML page (index.html, with its plots and sheets beside it): novelty against",
      "realism, the outputs by kind, the batch table and the regime figures."})
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;
  @Mixin DeviceOption device;

  @Option(names = "--run", description = "Run whose model to report on (default: the newest trained run).")
  String run;

  @Option(names = "--n", defaultValue = "256", description = "Images per regime and per baseline (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--mimetic-sampler", paramLabel = "ID", description = "The mimetic sampler (default: the regime's default).")
  String mimetic;

  @Option(names = "--alien-sampler", paramLabel = "ID", description = "The alien sampler (default: the regime's default).")
  String alien;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the page goes (default: studio/reports/<run>-n<n>).")
  Path out;

  @Override
  public Integer call() {
    MeasureImages.checkCount(n);
    Report.Written w = Report.build(studio.dir(), run, n, mimetic, alien, out, device.resolve(), Version.software());
    PrintWriter o = spec.commandLine().getOut();
    o.print(w.table());
    o.print(RegimeFigures.text(w.figures()));
    o.println();
    o.println("report: " + w.index());
    o.flush();
    return 0;
  }
}

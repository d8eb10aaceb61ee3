package margins.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots a run's losses against steps, as a PNG: a VAE's per image, a two-stage model's per phase. */
public final class LossCurve {

  private LossCurve() {}

  public static Path write(List<StepMetrics> lines, Path file) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no metrics to plot");
    }
    XYChart chart = new XYChartBuilder().width(800).height(450)
        .title("Training loss per image").xAxisTitle("step").yAxisTitle("loss").build();
    chart.getStyler().setYAxisLogarithmic(true);
    double[] steps = lines.stream().mapToDouble(StepMetrics::step).toArray();
    chart.addSeries("total", steps, positive(lines.stream().mapToDouble(StepMetrics::loss).toArray()))
        .setMarker(SeriesMarkers.NONE);
    chart.addSeries("reconstruction", steps, positive(lines.stream().mapToDouble(StepMetrics::recon).toArray()))
        .setMarker(SeriesMarkers.NONE);
    chart.addSeries("KL", steps, positive(lines.stream().mapToDouble(StepMetrics::kl).toArray()))
        .setMarker(SeriesMarkers.NONE);
    return save(chart, file);
  }

  /** A two-stage run's curves: each phase's loss (the adversarial phase's pixel L1 and critic loss) by step. */
  public static Path writeStages(List<StageMetrics> lines, Path file) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no metrics to plot");
    }
    XYChart chart = new XYChartBuilder().width(800).height(450)
        .title("Two-stage training, phase by phase").xAxisTitle("step").yAxisTitle("loss").build();
    chart.getStyler().setYAxisLogarithmic(true);
    series(chart, lines, "ae", "autoencoder: L1 + image gradients", StageMetrics::loss);
    series(chart, lines, "gan", "adversarial: pixel L1", StageMetrics::first);
    series(chart, lines, "gan", "adversarial: critic (hinge)", StageMetrics::second);
    series(chart, lines, "flow", "flow matching", StageMetrics::loss);
    return save(chart, file);
  }

  private static void series(XYChart chart, List<StageMetrics> lines, String phase, String name,
      ToDoubleFunction<StageMetrics> value) {
    List<StageMetrics> in = lines.stream().filter(m -> m.phase().equals(phase)).toList();
    if (!in.isEmpty()) {
      chart.addSeries(name, in.stream().mapToDouble(StageMetrics::step).toArray(),
          positive(in.stream().mapToDouble(value).toArray())).setMarker(SeriesMarkers.NONE);
    }
  }

  private static Path save(XYChart chart, Path file) {
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  // A log axis cannot show zero (the KL term starts there during warm-up).
  private static double[] positive(double[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(v[i], 1e-3);
    }
    return v;
  }
}

package margins.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots a run's losses per image against steps, as a PNG. */
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

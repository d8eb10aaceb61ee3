package margins.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import margins.measure.Placement;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's scatter plot: novelty (distance to the nearest archive item) against realism, one series per batch. */
public final class Plots {

  /** Realism above this is drawn at it (exact copies have infinite realism): the interesting range is 0..2. */
  public static final double REALISM_CAP = 3.0;

  private static final Color[] COLOURS = {new Color(0x4c72b0), new Color(0x55a868), new Color(0xc44e52),
      new Color(0x8c8c8c), new Color(0xccb974), new Color(0x8172b2)};

  private Plots() {}

  /** Novelty against realism in one space, for every batch that has placements there. */
  public static BufferedImage noveltyRealism(String space, List<Survey.Measured> batches) {
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Novelty against realism, " + space + " space")
        .xAxisTitle("novelty: distance to the nearest archive item (" + space + ")")
        .yAxisTitle("realism (>= 1: inside a typical archive ball; capped at " + REALISM_CAP + ")").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(5);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    double maxX = 0;
    int c = 0;
    for (Survey.Measured b : batches) {
      List<Placement> p = b.placements().get(space);
      if (p == null || p.isEmpty()) {
        continue;
      }
      double[] x = new double[p.size()];
      double[] y = new double[p.size()];
      for (int i = 0; i < p.size(); i++) {
        x[i] = p.get(i).nearestDistance();
        y[i] = Math.min(REALISM_CAP, p.get(i).realism());
        maxX = Math.max(maxX, x[i]);
      }
      XYSeries s = chart.addSeries(b.name() + " (" + p.size() + ")", x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(withAlpha(COLOURS[c % COLOURS.length], 150));
      c++;
    }
    if (c == 0) {
      throw new IllegalArgumentException("nothing to plot in the " + space + " space");
    }
    XYSeries rim = chart.addSeries("realism 1: the rim of a typical ball", new double[] {0, maxX}, new double[] {1, 1});
    rim.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    rim.setMarker(SeriesMarkers.NONE);
    rim.setLineColor(Color.DARK_GRAY);
    rim.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}

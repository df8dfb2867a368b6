package podium.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The delivery-latency distribution of Podium and the raw baseline, as a cumulative percentile plot. */
final class LatencyPlot {

  private LatencyPlot() {
  }

  static void write(Path png, String title, Histogram podium, Histogram raw) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(540).title(title)
        .xAxisTitle("delivery latency, POST sent to frame received (ms)")
        .yAxisTitle("share of frames delivered (%)").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    add(chart, "Podium", podium);
    if (raw != null && raw.getTotalCount() > 0) {
      add(chart, "raw Vert.x loop", raw);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** One point per percentile step: where the curve is flat, most frames arrived in that time. */
  private static void add(XYChart chart, String name, Histogram h) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    if (h.getTotalCount() == 0) {
      return;
    }
    for (HistogramIterationValue v : h.percentiles(20)) {
      x.add(v.getValueIteratedTo() / 1000.0);
      y.add(v.getPercentileLevelIteratedTo());
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
  }
}

package podium.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The soak's hub memory over time: heap in use (sampled), heap after a full GC, and RSS. */
final class SoakPlot {

  private SoakPlot() {
  }

  static void write(Path png, JsonObject soak) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(540)
        .title(String.format("Soak: hub memory, %d sockets, %d minutes", soak.getInteger("sockets"),
            soak.getInteger("minutes")))
        .xAxisTitle("minutes").yAxisTitle("MiB").build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisMin(0.0);
    add(chart, "RSS", soak.getJsonArray("samples"), "rss", false);
    add(chart, "heap in use (with garbage)", soak.getJsonArray("samples"), "heap", false);
    add(chart, "heap after a full GC", soak.getJsonArray("heap_after_gc"), "heap", true);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void add(XYChart chart, String name, JsonArray points, String field, boolean markers) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      JsonObject p = points.getJsonObject(i);
      if (p.getLong(field, -1L) >= 0) {
        x.add(p.getDouble("minute"));
        y.add(p.getLong(field) / 1048576.0);
      }
    }
    if (!x.isEmpty()) {
      XYSeries s = chart.addSeries(name, x, y);
      s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
  }
}

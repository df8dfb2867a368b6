package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the metrics cost (--compare-metrics RUNS): the Podium phase with the hubs' metrics off
 * (PODIUM_METRICS=false: no Vert.x metrics, no Podium counting) and on, in the same run, against
 * the same database and generators, RUNS times with the order alternating. Reports each pair's
 * on/off ratios and their median.
 */
final class MetricsCompare {

  /** The figures compared, and whether lower is better (for the reader of the table only). */
  private static final List<String> FIGURES = List.of("cpu_us_per_frame", "cpu_us_per_frame_net_of_idle",
      "idle_cpu_us_per_s", "delivery_p50_ms", "delivery_p99_ms", "command_p50_ms", "command_p99_ms",
      "snapshot_rps", "snapshot_cpu_us_per_request", "heap_bytes_per_idle_socket", "connect_s");

  private MetricsCompare() {
  }

  static JsonObject run(BenchOptions options, String command) throws Exception {
    BenchOptions o = options.noStorm();
    Files.createDirectories(o.work());
    Vertx vertx = Vertx.vertx();
    JsonArray runs = new JsonArray();
    try (BenchDatabase db = BenchDatabase.start(vertx, o.pg()); Generators gens = new Generators(o)) {
      for (int r = 0; r < o.compareMetrics(); r++) {
        JsonObject pair = new JsonObject();
        for (boolean on : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
          System.out.printf("metrics %s (run %d of %d):%n", on ? "on" : "off", r + 1, o.compareMetrics());
          pair.put(on ? "on" : "off", new PodiumPhase(o, db, gens, Map.of("PODIUM_METRICS", String.valueOf(on)))
              .run().figures());
        }
        JsonObject ratios = new JsonObject();
        for (String f : FIGURES) {
          double off = pair.getJsonObject("off").getDouble(f, 0.0);
          double on = pair.getJsonObject("on").getDouble(f, 0.0);
          ratios.put(f, off > 0 ? PodiumPhase.round(on / off) : null);
        }
        runs.add(pair.put("ratios", ratios).put("first", r % 2 == 0 ? "off" : "on"));
      }
    } finally {
      Children.killAll();
      vertx.close();
    }
    JsonObject median = new JsonObject();
    for (String f : FIGURES) {
      median.put(f, new JsonObject().put("off", median(runs, "off", f)).put("on", median(runs, "on", f))
          .put("ratio", median(runs, "ratios", f)));
    }
    JsonObject json = new JsonObject().put("command", command).put("date", java.time.Instant.now().toString())
        .put("subscribers", o.subscribers()).put("commands", o.commands()).put("rate_per_s", o.rate())
        .put("cores", Runtime.getRuntime().availableProcessors()).put("runs", runs).put("median", median);
    String md = markdown(json);
    Files.createDirectories(o.out());
    Files.writeString(o.out().resolve("metrics-compare.json"), json.encodePrettily() + "\n");
    Files.writeString(o.out().resolve("metrics-compare.md"), md);
    System.out.println(md);
    return json;
  }

  private static Double median(JsonArray runs, String side, String figure) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Object v = runs.getJsonObject(i).getJsonObject(side).getValue(figure);
      if (v instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    Double median = PodiumPhase.median(values);
    return median == null ? null : PodiumPhase.round(median);
  }

  static String markdown(JsonObject json) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "Metrics off vs on: %d subscribers, %d commands at %.1f/s, %d runs (order alternating), %s%n%n",
        json.getInteger("subscribers"), json.getInteger("commands"), json.getDouble("rate_per_s"),
        json.getJsonArray("runs").size(), json.getString("date")));
    md.append("| figure | off (median) | on (median) | on ÷ off, median | on ÷ off, each run |\n|---|---|---|---|---|\n");
    JsonObject median = json.getJsonObject("median");
    for (String f : FIGURES) {
      JsonObject m = median.getJsonObject(f);
      List<String> each = new ArrayList<>();
      JsonArray runs = json.getJsonArray("runs");
      for (int i = 0; i < runs.size(); i++) {
        each.add(String.valueOf(runs.getJsonObject(i).getJsonObject("ratios").getValue(f)));
      }
      md.append("| ").append(f).append(" | ").append(m.getValue("off")).append(" | ").append(m.getValue("on"))
          .append(" | ").append(m.getValue("ratio")).append(" | ").append(String.join(", ", each)).append(" |\n");
    }
    return md.toString();
  }
}

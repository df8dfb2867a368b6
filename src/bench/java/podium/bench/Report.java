package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** latest.json and the Markdown table, with the ratios that make a noisy 2-core machine comparable. */
final class Report {

  private Report() {
  }

  static JsonObject json(BenchOptions o, String command, JsonObject podium, JsonObject raw, Floor.Result floorPasses,
      int floorSockets) {
    double cpu = podium.getDouble("cpu_us_per_frame");
    double floor = floorPasses.minimum();
    JsonObject ratios = new JsonObject()
        .put("cpu_vs_floor", floor > 0 ? PodiumPhase.round(cpu / floor) : null)
        .put("cpu_vs_floor_median_pass", ratio(cpu, floorPasses.median()))
        .put("cpu_pass_median_vs_raw_pass_median", ratio(podium.getDouble("cpu_us_per_frame_pass_median", 0.0),
            raw.getDouble("cpu_us_per_frame_pass_median", 0.0)))
        .put("cpu_vs_raw", ratio(cpu, raw.getDouble("cpu_us_per_frame")))
        .put("delivery_p99_vs_raw", ratio(podium.getDouble("delivery_p99_ms"), raw.getDouble("delivery_p99_ms")))
        .put("storm_vs_raw_connect", ratio(podium.getDouble("storm_resume_s", -1.0), raw.getDouble("connect_s")));
    return new JsonObject().put("subscribers", o.subscribers()).put("nodes", o.nodes())
        .put("cores", Runtime.getRuntime().availableProcessors()).put("date", java.time.Instant.now().toString())
        .put("command", command).put("commands", o.commands()).put("rate_per_s", o.rate())
        .put("generators", o.generators()).put("podium", podium).put("raw", raw)
        .put("floor_us_per_write", floor).put("floor_sockets", floorSockets).put("floor", floorPasses.json())
        .put("ratios", ratios);
  }

  private static Double ratio(double a, double b) {
    return a > 0 && b > 0 ? PodiumPhase.round(a / b) : null;
  }

  static String markdown(JsonObject r) {
    JsonObject p = r.getJsonObject("podium");
    JsonObject raw = r.getJsonObject("raw");
    JsonObject ratios = r.getJsonObject("ratios");
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%d subscribers, %d node(s), %d cores, %s%n%n", r.getInteger("subscribers"),
        r.getInteger("nodes"), r.getInteger("cores"), r.getString("date")));
    md.append("| figure | Podium | raw Vert.x | floor (C write) | target |\n|---|---|---|---|---|\n");
    row(md, "delivery p50 (ms)", p.getValue("delivery_p50_ms"), raw.getValue("delivery_p50_ms"), "", "");
    row(md, "delivery p99 (ms)", p.getValue("delivery_p99_ms"), raw.getValue("delivery_p99_ms"), "",
        "≤ 1.1 × CPU-bound time");
    row(md, "delivery max (ms)", p.getValue("delivery_max_ms"), raw.getValue("delivery_max_ms"), "", "");
    row(md, "POST to last subscriber, median (ms)", p.getValue("delivery_last_subscriber_median_ms"),
        raw.getValue("delivery_last_subscriber_median_ms"), "", "");
    row(md, "server CPU per delivered frame (µs)", p.getValue("cpu_us_per_frame"), raw.getValue("cpu_us_per_frame"),
        r.getValue("floor_us_per_write"), "≤ 1.15 × floor, ≤ 0.60 × raw");
    JsonObject floor = r.getJsonObject("floor", new JsonObject());
    row(md, "the same in " + p.getJsonArray("cpu_us_per_frame_passes", new io.vertx.core.json.JsonArray()).size()
            + " passes (floor: " + floor.getJsonArray("passes", new io.vertx.core.json.JsonArray()).size()
            + " runs): least / median / most", passes(p), passes(raw),
        floor.getValue("us_per_write_min") + " / " + floor.getValue("us_per_write_median") + " / "
            + floor.getValue("us_per_write_max"), "floor = least");
    row(md, "generator CPU per frame read (µs)", p.getValue("generator_cpu_us_per_frame"),
        raw.getValue("generator_cpu_us_per_frame"), "", "");
    row(md, "CPU-bound time to the last subscriber (ms): N × (server + generator CPU) / cores",
        p.getValue("cpu_bound_last_subscriber_ms"), raw.getValue("cpu_bound_last_subscriber_ms"), "", "");
    row(md, "heap per idle socket (bytes)", p.getValue("heap_bytes_per_idle_socket"), "", "", "≤ 8192");
    row(md, "command POST p50 / p99 (ms)", p.getValue("command_p50_ms") + " / " + p.getValue("command_p99_ms"), "", "",
        "p99 ≤ 10");
    row(md, "snapshot GET (requests/s), after a warm-up run", p.getValue("snapshot_rps"), "", "", "≥ nginx (below)");
    row(md, "snapshot GET (requests/s), first run (JIT warming up)", p.getValue("snapshot_rps_cold"), "", "", "");
    row(md, "open all sockets (s)", p.getValue("connect_s"), raw.getValue("connect_s"), "", "");
    row(md, "reconnect storm, all resumed (s)", p.getValue("storm_resume_s"), "", "", "≤ 1.5 × raw connect");
    row(md, "storm: node up after the kill / all resumed after that (s)",
        p.getValue("storm_node_ready_s") + " / " + p.getValue("storm_after_node_ready_s"), "", "", "");
    row(md, "node start with no clients retrying (s)", p.getValue("node_start_quiet_s"), "", "", "");
    row(md, "storm gaps", p.getValue("storm_gaps"), "", "", "0");
    row(md, "frames lost / gaps", p.getValue("lost") + " / " + p.getValue("gaps"),
        raw.getValue("lost") + " / " + raw.getValue("gaps"), "", "0");
    md.append(String.format(Locale.ROOT, "%nRatios: Podium CPU/frame = %s × floor, %s × raw; delivery p99 = %s × raw;"
            + " storm = %s × raw connect. Frame: %s bytes.%n", ratios.getValue("cpu_vs_floor"),
        ratios.getValue("cpu_vs_raw"), ratios.getValue("delivery_p99_vs_raw"), ratios.getValue("storm_vs_raw_connect"),
        p.getValue("frame_bytes")));
    md.append(String.format(Locale.ROOT, "The floor is the least of its runs (%s); Podium ÷ the median run: %s."
            + " Median pass ÷ median pass, Podium ÷ raw: %s.%n", floor.getString("placement"),
        ratios.getValue("cpu_vs_floor_median_pass"), ratios.getValue("cpu_pass_median_vs_raw_pass_median")));
    if (p.containsKey("gets_vs_nginx")) {
      md.append(NginxBaseline.markdown(p.getJsonObject("gets_vs_nginx")));
    }
    return md.toString();
  }

  private static String passes(JsonObject side) {
    return side.getValue("cpu_us_per_frame_pass_min") + " / " + side.getValue("cpu_us_per_frame_pass_median") + " / "
        + side.getValue("cpu_us_per_frame_pass_max");
  }

  private static void row(StringBuilder md, String name, Object podium, Object raw, Object floor, String target) {
    md.append("| ").append(name).append(" | ").append(cell(podium)).append(" | ").append(cell(raw)).append(" | ")
        .append(cell(floor)).append(" | ").append(target).append(" |\n");
  }

  private static String cell(Object v) {
    return v == null ? "–" : v.toString();
  }

  static void write(Path dir, JsonObject json, String md) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("latest.json"), json.encodePrettily() + "\n");
    Files.writeString(dir.resolve("latest.md"), md);
  }

  /** burst.json and burst.md (bin/bench --burst). */
  static void writeBurst(Path dir, JsonObject r) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(dir.resolve("burst.json"), r.encodePrettily() + "\n");
    io.vertx.core.json.JsonArray mem = r.getJsonArray("tcp_mem_pages");
    String md = String.format(java.util.Locale.ROOT, """
        Burst: %d phones (%d slow), %d agenda edits of 16 KiB in %.1f s; %s
        `%s`

        | figure | value |
        |---|---|
        | readers' delivery p50 / p99, alone (ms) | %.1f / %.1f |
        | the same beside %d stalled phones (ms) | %.1f / %.1f |
        | **beside ÷ alone, p50 / p99** | **%.2f / %.2f** |
        | hub CPU per delivered frame, alone / beside (µs) | %.2f / %.2f |
        | **readers with every version, after the burst's last edit** | **%d ms** (pass line 10 s: %s) |
        | readers' frames expected / received; gaps; resyncs | %d / %d; %d; %d |
        | stuck phones cut (grace %d s from going stale), after the first edit | %d of %d, the last at %d ms (%s) |
        | every phone current again, after the first edit | %d ms (%d resumed) |
        | oldest stale socket seen (s) | %.1f |
        | most bytes waiting on the hub, all sockets (as of the sweep) | %d |
        | host TCP memory (pages of 4 KiB): before / peak; tcp_mem thresholds | %d / %d; %d, %d, %d |
        | hub CPU during the burst and its settling (s) | %.2f |
        | generators' CPU (s); GC collections, ms | %.2f; %d, %d |
        | TCP counters that moved (nstat) | %s |
        """, r.getInteger("phones"), r.getInteger("slow"), r.getInteger("edits"), r.getDouble("burst_seconds"),
        r.getString("date"), r.getString("command"), r.getDouble("alone_p50_ms"), r.getDouble("alone_p99_ms"),
        r.getInteger("slow"), r.getDouble("beside_p50_ms"), r.getDouble("beside_p99_ms"),
        r.getDouble("beside_over_alone_p50"), r.getDouble("beside_over_alone_p99"),
        r.getDouble("alone_cpu_us_per_frame"), r.getDouble("beside_cpu_us_per_frame"),
        r.getLong("readers_all_versions_ms_after_burst"), r.getBoolean("pass_readers") ? "met" : "MISSED",
        r.getLong("readers_frames_expected"), r.getLong("readers_frames_received"), r.getLong("readers_gaps"),
        r.getLong("readers_resyncs"), Burst.GRACE_MS / 1000, (long) r.getDouble("cut").doubleValue(),
        r.getInteger("slow"), r.getLong("stuck_all_cut_ms_after_first_edit"),
        r.getBoolean("pass_stuck") ? "met" : "MISSED", r.getLong("all_current_again_ms_after_first_edit"),
        r.getLong("resumed"), r.getDouble("stale_oldest_max_s"), r.getLong("pending_bytes_max_total"),
        r.getLong("tcp_pages_before"), r.getLong("tcp_pages_max"), mem.getLong(0), mem.getLong(1), mem.getLong(2),
        r.getDouble("hub_cpu_s"), r.getDouble("generators_cpu_s"), r.getLong("generators_gc_count"),
        r.getLong("generators_gc_ms"), r.getJsonObject("tcp_counters_moved").encode());
    java.nio.file.Files.writeString(dir.resolve("burst.md"), md);
    System.out.println(md);
  }
}

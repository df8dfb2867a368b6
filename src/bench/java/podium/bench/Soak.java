package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * The soak (--soak-minutes M): one hub, N sockets of which a share are slow readers, one command
 * a second (--rate) for M minutes. Every 10 s it samples the hub's heap in use and RSS, every 5
 * minutes its heap after a full GC, every minute its own /metrics; at the end every reader must
 * have every version (lost = versions a reader never got, gaps = jumps) and the slow ones must be
 * current again. Writes soak.json, soak.md and soak.png (heap and RSS over time) in --out.
 */
final class Soak {

  static final long SAMPLE_MS = 10_000;
  static final long GC_SAMPLE_MS = 300_000;
  static final long SCRAPE_MS = 60_000;
  static final long SLOW_PAUSE_MS = 55_000;
  static final long SLOW_READ_MS = 5_000;

  private Soak() {
  }

  static JsonObject run(BenchOptions options, String command) throws Exception {
    BenchOptions o = options.noStorm();
    Files.createDirectories(o.work());
    int n = o.subscribers();
    int every = o.slowShare() > 0 ? (int) Math.round(1 / o.slowShare()) : 0;
    Vertx vertx = Vertx.vertx();
    System.out.printf("soak: %d sockets (every %d-th a slow reader), %.1f command/s for %d minutes%n", n, every,
        o.rate(), o.soakMinutes());
    try (BenchDatabase db = BenchDatabase.start(vertx, o.pg()); Generators gens = new Generators(o)) {
      Hubs hubs = new Hubs(o, db.env());
      try {
        if (o.classArchive()) {
          hubs.trainClassArchive();
        }
        hubs.startAll();
        int port = o.hubPort(0);
        long pid = hubs.pid(0);
        Connect.all("soak", gens, List.of(port), n, o.window(), every);
        gens.all("reconnect on", 10_000);
        gens.all("slow " + SLOW_PAUSE_MS + " " + SLOW_READ_MS, 10_000);
        JsonObject before = gens.status();
        long first = -1;
        long last = 0;
        int failed = 0;
        JsonArray samples = new JsonArray();
        JsonArray afterGc = new JsonArray();
        JsonArray scrapes = new JsonArray();
        long t0 = System.nanoTime();
        long end = t0 + o.soakMinutes() * 60_000_000_000L;
        long interval = (long) (1e9 / o.rate());
        long nextSample = t0;
        long nextGc = t0;
        long nextScrape = t0 + SCRAPE_MS * 1_000_000L;
        long due = t0;
        int skipped = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
          Sleep.millis((due - System.nanoTime()) / 1_000_000);
          due += interval;
          // A stall here (a slow jcmd, a loaded machine) skips its slots: staff never send a backlog at once.
          while (due < System.nanoTime() - interval) {
            due += interval;
            skipped++;
          }
          try {
            last = Staff.command(port, i, Staff.agendaEdit(i)).version();
            first = first < 0 ? last : first;
          } catch (RuntimeException e) {
            failed++;
          }
          long now = System.nanoTime();
          double minute = (now - t0) / 6e10;
          if (now >= nextGc) {
            afterGc.add(new JsonObject().put("minute", round(minute)).put("heap", ProcStat.heapAfterGc(pid)));
            nextGc += GC_SAMPLE_MS * 1_000_000L;
          }
          if (now >= nextSample) {
            JsonObject s = gens.status();
            samples.add(new JsonObject().put("minute", round(minute)).put("heap", ProcStat.heapUsed(pid))
                .put("rss", ProcStat.rss(pid)).put("cpu_us", ProcStat.cpuMicros(pid)).put("open", s.getLong("open"))
                .put("gaps", s.getLong("gaps")).put("resyncs", s.getLong("resyncs")).put("version", last));
            nextSample += SAMPLE_MS * 1_000_000L;
          }
          if (now >= nextScrape) {
            scrapes.add(scrape(port).put("minute", round(minute)));
            nextScrape += SCRAPE_MS * 1_000_000L;
            System.out.printf("  soak: minute %.0f, version %d, heap %d MiB, RSS %d MiB%n", minute, last,
                ProcStat.heapUsed(pid) >> 20, ProcStat.rss(pid) >> 20);
          }
        }
        afterGc.add(new JsonObject().put("minute", round((System.nanoTime() - t0) / 6e10))
            .put("heap", ProcStat.heapAfterGc(pid)));
        gens.all("slow -1 0", 10_000);
        gens.all("target " + last, 10_000);
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonObject after = gens.status();
        while (after.getLong("atTarget") < n && System.nanoTime() < deadline) {
          Sleep.millis(200);
          after = gens.status();
        }
        JsonObject result = result(o, command, n, first, last, failed, before, after, samples, afterGc, scrapes)
            .put("command_slots_skipped", skipped);
        write(o, result);
        return result;
      } finally {
        hubs.stopAll();
      }
    } finally {
      Children.killAll();
      vertx.close();
    }
  }

  private static JsonObject result(BenchOptions o, String command, int n, long first, long last, int failed,
      JsonObject before, JsonObject after, JsonArray samples, JsonArray afterGc, JsonArray scrapes) {
    long normal = n - after.getLong("slow");
    long versions = last - first + 1;
    long received = after.getLong("normalReceived") - before.getLong("normalReceived");
    long missing = after.getLong("normalMissing") - before.getLong("normalMissing");
    JsonObject first10 = samples.getJsonObject(0);
    JsonObject last10 = samples.getJsonObject(samples.size() - 1);
    return new JsonObject().put("command", command).put("date", java.time.Instant.now().toString())
        .put("minutes", o.soakMinutes()).put("sockets", n).put("slow_readers", after.getLong("slow"))
        .put("rate_per_s", o.rate()).put("commands", versions).put("commands_failed", failed)
        .put("first_version", first).put("last_version", last)
        .put("reader_frames_expected", normal * versions).put("reader_frames_received", received)
        .put("lost", normal * versions - received).put("missing_in_gaps", missing)
        .put("gaps", after.getLong("gaps") - before.getLong("gaps"))
        .put("duplicates", after.getLong("duplicates") - before.getLong("duplicates"))
        .put("slow_resync_snapshots", after.getLong("resyncs") - before.getLong("resyncs"))
        .put("reconnects", after.getLong("resumed") - before.getLong("resumed"))
        .put("all_at_last_version", after.getLong("atTarget") == n)
        .put("heap_mib_first", first10.getLong("heap") >> 20).put("heap_mib_last", last10.getLong("heap") >> 20)
        .put("rss_mib_first", first10.getLong("rss") >> 20).put("rss_mib_last", last10.getLong("rss") >> 20)
        .put("hub_cpu_s", (last10.getLong("cpu_us") - first10.getLong("cpu_us")) / 1e6)
        .put("samples", samples).put("heap_after_gc", afterGc).put("scrapes", scrapes);
  }

  /** A few of the hub's own meters. */
  private static JsonObject scrape(int port) {
    return HubMetrics.read(port, List.of("podium_sockets", "podium_stale_sockets", "podium_stale_episodes_total",
        "podium_fanout_seconds_count", "podium_fanout_seconds_sum", "podium_fanout_seconds_max",
        "podium_resync_snapshots_total{reason=\"stale\"}", "podium_frames_sent_total{kind=\"change\"}",
        "podium_frames_sent_bytes_total{kind=\"change\"}"));
  }

  private static void write(BenchOptions o, JsonObject r) throws IOException {
    Files.createDirectories(o.out());
    Files.writeString(o.out().resolve("soak.json"), r.encodePrettily() + "\n");
    String md = String.format(Locale.ROOT, """
        Soak: %d minutes, %d sockets (%d slow readers: %d s stalled, %d s reading), %.1f command/s, %s

        | figure | value |
        |---|---|
        | commands committed (failed) | %d (%d) |
        | command slots skipped (the driver stalled) | %d |
        | frames the %d readers should get / got / lost | %d / %d / %d |
        | gaps / duplicates | %d / %d |
        | snapshots that resynced slow readers | %d |
        | reconnects | %d |
        | every socket at the last version at the end | %s |
        | hub heap in use, first / last sample (MiB) | %d / %d |
        | hub heap after GC, each 5 minutes (MiB) | %s |
        | hub RSS, first / last sample (MiB) | %d / %d |
        | hub CPU over the soak (s) | %.1f |
        """, r.getInteger("minutes"), r.getInteger("sockets"), r.getLong("slow_readers"), SLOW_PAUSE_MS / 1000,
        SLOW_READ_MS / 1000, r.getDouble("rate_per_s"), r.getString("date"), r.getLong("commands"),
        r.getInteger("commands_failed"), r.getInteger("command_slots_skipped"), r.getInteger("sockets") - r.getLong("slow_readers"),
        r.getLong("reader_frames_expected"), r.getLong("reader_frames_received"), r.getLong("lost"),
        r.getLong("gaps"), r.getLong("duplicates"), r.getLong("slow_resync_snapshots"), r.getLong("reconnects"),
        r.getBoolean("all_at_last_version"), r.getLong("heap_mib_first"), r.getLong("heap_mib_last"),
        afterGcList(r.getJsonArray("heap_after_gc")), r.getLong("rss_mib_first"), r.getLong("rss_mib_last"),
        r.getDouble("hub_cpu_s"));
    Files.writeString(o.out().resolve("soak.md"), md);
    SoakPlot.write(o.out().resolve("soak.png"), r);
    System.out.println(md);
  }

  private static String afterGcList(JsonArray a) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(a.getJsonObject(i).getLong("heap") >> 20);
    }
    return s.toString();
  }

  private static double round(double v) {
    return PodiumPhase.round(v);
  }
}

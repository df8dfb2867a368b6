package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The soak's incident on purpose (--burst): one hub pinned to one core, the generators and this
 * coordinator to the other, N phones of which a share (--slow-share) read slowly. First the
 * readers' delivery latency alone, then beside the slow ones stalled (the ratio SlowConsumersTest
 * used to assert; here the median of three runs decides). Then the slow ones stuck for good and
 * --commands agenda edits of 16 KiB back to back. Sampled every 250 ms: the readers' progress,
 * the hub's slow-client meters, the host's TCP memory; before and after: nstat's TCP counters, the
 * generators' CPU and GC. Pass: every reader has every version within 10 s of the burst's end,
 * every stuck phone is cut within its grace of going stale and is current again after it resumes.
 */
final class Burst {

  static final long STUCK_MS = 3_600_000;
  static final long READERS_WITHIN_MS = 10_000;
  static final long GRACE_MS = 5_000;
  private static final long SETTLE_MS = 120_000;
  private static final List<String> METERS = List.of("podium_sockets", "podium_stale_sockets",
      "podium_stale_oldest_seconds", "podium_sockets_cut_total{reason=\"stale\"}",
      "podium_sockets_cut_total{reason=\"stuck\"}", "podium_sockets_cut_total{reason=\"backlog\"}",
      "podium_sockets_pending_bytes", "podium_sockets_pending_bytes_max", "podium_frames_dropped_total",
      "podium_resync_snapshots_total{reason=\"stale\"}");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Burst() {
  }

  static JsonObject run(BenchOptions options, String command) throws Exception {
    BenchOptions o = options.noStorm();
    Files.createDirectories(o.work());
    Children.pin(ProcessHandle.current().pid(), o.cpuOf("generator"));
    int n = o.subscribers();
    int every = (int) Math.round(1 / Math.max(0.01, o.slowShare()));
    Vertx vertx = Vertx.vertx();
    System.out.printf("burst: %d phones (every %d-th slow), %d edits of 16 KiB; hub on CPU %s, generators on %s%n",
        n, every, o.commands(), o.cpuOf("hub"), o.cpuOf("generator"));
    try (BenchDatabase db = BenchDatabase.start(vertx, o.pg()); Generators gens = new Generators(o)) {
      Hubs hubs = new Hubs(o, db.env());
      try {
        if (o.classArchive()) {
          hubs.trainClassArchive();
        }
        hubs.startAll();
        int port = o.hubPort(0);
        long pid = hubs.pid(0);
        Connect.all("burst", gens, List.of(port), n, o.window(), every);
        gens.all("reconnect on", 10_000);
        int slow = gens.status().getLong("slow").intValue();
        int normal = n - slow;
        JsonObject result = new JsonObject().put("command", command).put("date", java.time.Instant.now().toString())
            .put("phones", n).put("slow", slow).put("edits", o.commands());
        latency(o, gens, port, pid, n, normal, result);
        settle(gens, n, version(port), "the stalled phones resumed");
        burst(o, gens, port, pid, n, normal, slow, result);
        Report.writeBurst(o.out(), result);
        return result;
      } finally {
        hubs.stopAll();
      }
    } finally {
      Children.killAll();
      vertx.close();
    }
  }

  /** The readers' delivery latency alone, then beside the slow ones stalled (20 edits at 5 a second each). */
  private static void latency(BenchOptions o, Generators gens, int port, long pid, int n, int normal,
      JsonObject result) {
    FanOut.Result alone = FanOut.run(gens, n, o.warmup(), 20, 5,
        i -> Staff.command(port, i, Staff.agendaEdit(i)), () -> ProcStat.cpuMicros(pid));
    gens.all("slow " + STUCK_MS + " 0", 10_000);
    FanOut.Result beside = FanOut.run(gens, normal, 0, 20, 5,
        i -> Staff.command(port, 1_000 + i, Staff.agendaEdit(1_000 + i)), () -> ProcStat.cpuMicros(pid));
    double p50 = beside.delivery().getValueAtPercentile(50) / (double) alone.delivery().getValueAtPercentile(50);
    double p99 = beside.delivery().getValueAtPercentile(99) / (double) alone.delivery().getValueAtPercentile(99);
    System.out.printf("  readers' delivery beside stalled phones ÷ alone: p50 %.2f, p99 %.2f%n", p50, p99);
    result.put("alone_p50_ms", PodiumPhase.ms(alone.delivery().getValueAtPercentile(50)))
        .put("alone_p99_ms", PodiumPhase.ms(alone.delivery().getValueAtPercentile(99)))
        .put("beside_p50_ms", PodiumPhase.ms(beside.delivery().getValueAtPercentile(50)))
        .put("beside_p99_ms", PodiumPhase.ms(beside.delivery().getValueAtPercentile(99)))
        .put("beside_over_alone_p50", PodiumPhase.round(p50)).put("beside_over_alone_p99", PodiumPhase.round(p99))
        .put("alone_cpu_us_per_frame", PodiumPhase.round(alone.cpuMicrosPerFrame()))
        .put("beside_cpu_us_per_frame", PodiumPhase.round(beside.cpuMicrosPerFrame()))
        .put("latency_lost", alone.lost() + beside.lost()).put("latency_gaps", alone.gaps() + beside.gaps());
  }

  private static void burst(BenchOptions o, Generators gens, int port, long pid, int n, int normal, int slow,
      JsonObject result) throws IOException, InterruptedException {
    gens.all("slow " + STUCK_MS + " 0", 10_000);
    Sleep.millis(500);
    JsonObject before = gens.status();
    JsonObject tcpBefore = Kernel.tcpCounters();
    JsonObject metersBefore = HubMetrics.read(port, METERS);
    long hubCpu0 = ProcStat.cpuMicros(pid);
    long genCpu0 = gens.cpuMicros();
    long pages0 = Kernel.tcpPages();
    long first = version(port) + 1;
    long t0 = System.nanoTime();
    long last = 0;
    for (int i = 0; i < o.commands(); i++) {
      last = Staff.command(port, 2_000 + i, Staff.agendaEdit(2_000 + i)).version();
    }
    double burstSeconds = (System.nanoTime() - t0) / 1e9;
    gens.all("target " + last, 10_000);
    long readersAt = -1;
    long cutAt = -1;
    long allAt = -1;
    long maxPages = pages0;
    double maxPending = 0;
    double maxOldest = 0;
    double cutBefore = cuts(metersBefore);
    System.out.printf("  before the burst: %s%n", metersBefore.encode());
    long nextShow = 0;
    long deadline = System.nanoTime() + SETTLE_MS * 1_000_000L;
    while (System.nanoTime() < deadline && allAt < 0) {
      Sleep.millis(250);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      JsonObject s = gens.status();
      JsonObject m = HubMetrics.read(port, METERS);
      if (ms >= nextShow) {
        nextShow += 2_000;
        System.out.printf("  +%d ms: readers at target %d/%d, all %d/%d, open %d; hub: stale %.0f, cut %.0f, waiting %.0f%n",
            ms, s.getLong("normalAtTarget"), normal, s.getLong("atTarget"), n, s.getLong("open"),
            m.getDouble("podium_stale_sockets", 0.0), cuts(m), m.getDouble("podium_sockets_pending_bytes", 0.0));
      }
      maxPages = Math.max(maxPages, Kernel.tcpPages());
      maxPending = Math.max(maxPending, m.getDouble("podium_sockets_pending_bytes", 0.0));
      maxOldest = Math.max(maxOldest, m.getDouble("podium_stale_oldest_seconds", 0.0));
      readersAt = readersAt < 0 && s.getLong("normalAtTarget") >= normal ? ms : readersAt;
      cutAt = cutAt < 0 && cuts(m) - cutBefore >= slow ? ms : cutAt;
      allAt = s.getLong("atTarget") >= n ? ms : -1;
    }
    JsonObject after = gens.status();
    JsonObject metersAfter = HubMetrics.read(port, METERS);
    long[] tcpMem = Kernel.tcpMem();
    long burstMs = Math.round(burstSeconds * 1000);
    result.put("burst_seconds", PodiumPhase.round(burstSeconds))
        .put("readers_all_versions_ms_after_burst", readersAt < 0 ? -1 : readersAt - burstMs)
        .put("stuck_all_cut_ms_after_first_edit", cutAt)
        .put("all_current_again_ms_after_first_edit", allAt)
        // Every version from the burst's first on, the demo's own cues included if one fired meanwhile.
        .put("readers_frames_expected", (long) normal * (version(port) - first + 1))
        .put("readers_frames_received", after.getLong("normalReceived") - before.getLong("normalReceived"))
        .put("readers_gaps", after.getLong("gaps") - before.getLong("gaps"))
        .put("readers_duplicates", after.getLong("duplicates") - before.getLong("duplicates"))
        .put("readers_resyncs", after.getLong("normalResyncs") - before.getLong("normalResyncs"))
        .put("cut", cuts(metersAfter) - cutBefore).put("cut_meters", metersAfter)
        .put("resumed", after.getLong("resumed") - before.getLong("resumed"))
        .put("stale_oldest_max_s", maxOldest).put("pending_bytes_max_total", (long) maxPending)
        .put("tcp_pages_before", pages0).put("tcp_pages_max", maxPages)
        .put("tcp_mem_pages", new io.vertx.core.json.JsonArray().add(tcpMem[0]).add(tcpMem[1]).add(tcpMem[2]))
        .put("tcp_counters_moved", Kernel.moved(tcpBefore, Kernel.tcpCounters()))
        .put("hub_cpu_s", (ProcStat.cpuMicros(pid) - hubCpu0) / 1e6)
        .put("generators_cpu_s", (gens.cpuMicros() - genCpu0) / 1e6)
        .put("generators_gc_count", after.getLong("gcCount") - before.getLong("gcCount"))
        .put("generators_gc_ms", after.getLong("gcMillis") - before.getLong("gcMillis"));
    boolean readersOk = readersAt >= 0 && readersAt - burstMs <= READERS_WITHIN_MS
        && result.getLong("readers_frames_received") >= result.getLong("readers_frames_expected")
        && result.getLong("readers_gaps") == 0;
    // Cut within the grace of going stale (the sweep runs once a second), and all current again.
    boolean stuckOk = cutAt >= 0 && maxOldest <= GRACE_MS / 1000.0 + 1 && allAt >= 0;
    result.put("pass_readers", readersOk).put("pass_stuck", stuckOk);
  }

  private static double cuts(JsonObject meters) {
    return meters.getDouble("podium_sockets_cut_total{reason=\"stale\"}", 0.0)
        + meters.getDouble("podium_sockets_cut_total{reason=\"stuck\"}", 0.0)
        + meters.getDouble("podium_sockets_cut_total{reason=\"backlog\"}", 0.0);
  }

  /** Waits, bounded, until every socket has the given version. */
  private static void settle(Generators gens, int n, long version, String what) {
    gens.all("target " + version, 10_000);
    long deadline = System.nanoTime() + SETTLE_MS * 1_000_000L;
    long shown = System.nanoTime();
    while (gens.status().getLong("atTarget", 0L) < n) {
      if (System.nanoTime() - shown > 2_000_000_000L) {
        shown = System.nanoTime();
        JsonObject st = gens.status();
        System.out.printf("  %s: %d of %d at version %d (%d resumed)%n", what, st.getLong("atTarget"), n, version,
            st.getLong("resumed"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": not every phone at version " + version + " after "
            + SETTLE_MS / 1000 + " s: " + gens.status().encode());
      }
      Sleep.millis(200);
    }
  }

  private static long version(int port) throws IOException, InterruptedException {
    String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/baotou-2023"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return new JsonObject(body).getLong("version");
  }
}

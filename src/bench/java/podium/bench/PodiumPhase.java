package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/** Podium under load: idle heap, fan-out, snapshot GETs and a reconnect storm, against live hub processes. */
final class PodiumPhase {

  /** The figures for latest.json and the delivery latencies for the plot. */
  record Measured(JsonObject figures, Histogram delivery, int frameBytes) { }

  static final long STORM_LIMIT_MS = 180_000;

  private final BenchOptions options;
  private final BenchDatabase db;
  private final Generators gens;
  private final java.util.Map<String, String> hubEnv;

  PodiumPhase(BenchOptions options, BenchDatabase db, Generators gens) {
    this(options, db, gens, java.util.Map.of());
  }

  /** hubEnv: more environment for the hubs (PODIUM_METRICS=false for --compare-metrics, say). */
  PodiumPhase(BenchOptions options, BenchDatabase db, Generators gens, java.util.Map<String, String> hubEnv) {
    this.options = options;
    this.db = db;
    this.gens = gens;
    this.hubEnv = hubEnv;
  }

  Measured run() throws IOException {
    int n = options.subscribers();
    java.util.Map<String, String> env = new java.util.HashMap<>(db.env());
    env.putAll(hubEnv);
    Hubs hubs = new Hubs(options, env);
    Staff.newPhase();
    try {
      if (options.classArchive()) {
        hubs.trainClassArchive();
      }
      long launched = System.nanoTime();
      hubs.startAll();
      double quietStart = (System.nanoTime() - launched) / 1e9;
      System.out.printf("  hubs up in %.2f s (no clients yet)%n", quietStart);
      List<Integer> ports = IntStream.range(0, options.nodes()).mapToObj(options::hubPort).toList();
      long heap0 = hubs.heapAfterGc();
      double connect = Connect.all("podium", gens, ports, n, options.window());
      Sleep.millis(1000);
      long heap1 = hubs.heapAfterGc();
      System.out.printf("  heap after GC: %d KiB idle, %d KiB with %d sockets%n", heap0 / 1024, heap1 / 1024, n);

      hubs.jfrStart("fanout");
      int hub = options.hubPort(0);
      FanOut.Result fan = FanOut.run(gens, n, options.warmup(), options.commands(), options.rate(),
          i -> Staff.command(ports.get(i % ports.size()), i), hubs::cpuMicros);
      hubs.jfrStop("fanout").forEach(f -> System.out.println("  JFR of the fan-out: " + f));
      System.out.printf("  podium fan-out: %d frames, lost %d, gaps %d, p99 %.1f ms, %.2f µs CPU/frame%n",
          fan.frames(), fan.lost(), fan.gaps(), fan.delivery().getValueAtPercentile(99) / 1000.0,
          fan.cpuMicrosPerFrame());

      if (options.acks()) {
        acks(gens, n, ports, fan, hubs);
      }
      // The first seconds of GETs run while the JIT compiles their path: measured apart, as "cold".
      JsonObject cold = gens.one(0, "snapshot " + hub + " 32 " + options.snapshotMillis(),
          options.snapshotMillis() + 60_000);
      System.out.printf("  snapshot GET, first %d s (JIT warming up): %.0f requests/s%n",
          options.snapshotMillis() / 1000, cold.getDouble("rps"));
      hubs.jfrStart("snapshot");
      long snapCpu0 = ProcStat.cpuMicros(hubs.pid(0));
      long genCpu0 = gens.cpuMicros();
      JsonObject snapshot = gens.one(0, "snapshot " + hub + " 32 " + options.snapshotMillis(),
          options.snapshotMillis() + 60_000);
      hubs.jfrStop("snapshot").forEach(f -> System.out.println("  JFR of the snapshot GETs: " + f));
      long requests = Math.max(1, snapshot.getLong("requests"));
      double snapCpu = (double) (ProcStat.cpuMicros(hubs.pid(0)) - snapCpu0) / requests;
      double genCpu = (double) (gens.cpuMicros() - genCpu0) / requests;
      System.out.printf("  snapshot GET: %.0f requests/s (%d errors), CPU per request: hub %.0f µs, generator %.0f µs%n",
          snapshot.getDouble("rps"), snapshot.getLong("errors"), snapCpu, genCpu);
      JsonObject nginx = null;
      if (options.nginx()) {
        System.out.println("  the same GETs from nginx, serving the hub's answers as files:");
        nginx = NginxBaseline.run(options, gens, hub, hubs.pid(0));
      }

      JsonObject figures = new JsonObject()
          .put("delivery_p50_ms", ms(fan.delivery().getValueAtPercentile(50)))
          .put("delivery_p99_ms", ms(fan.delivery().getValueAtPercentile(99)))
          .put("delivery_max_ms", ms(fan.delivery().getMaxValue()))
          .put("delivery_last_subscriber_median_ms", round(fan.medianLastSubscriberMs()))
          .put("cpu_us_per_frame", round(fan.cpuMicrosPerFrame()))
          .put("generator_cpu_us_per_frame", round(fan.generatorCpuMicrosPerFrame()))
          .put("cpu_bound_last_subscriber_ms", round(fan.cpuBoundLastSubscriberMs(n)))
          .put("heap_bytes_per_idle_socket", (heap1 - heap0) / n)
          .put("heap_after_gc_idle_bytes", heap0)
          .put("heap_after_gc_with_sockets_bytes", heap1)
          .put("command_p50_ms", ms(fan.post().getValueAtPercentile(50)))
          .put("command_p99_ms", ms(fan.post().getValueAtPercentile(99)))
          .put("snapshot_rps", Math.round(snapshot.getDouble("rps")))
          .put("snapshot_rps_cold", Math.round(cold.getDouble("rps")))
          .put("hub_class_archive", options.classArchive())
          .put("node_start_quiet_s", round(quietStart))
          .put("snapshot_cpu_us_per_request", round(snapCpu))
          .put("snapshot_generator_cpu_us_per_request", round(genCpu))
          .put("idle_cpu_us_per_s", round(fan.idleCpuMicrosPerSecond()))
          .put("cpu_us_per_frame_net_of_idle", round(fan.netCpuMicrosPerFrame()))
          .put("frames", fan.frames()).put("lost", fan.lost()).put("gaps", fan.gaps())
          .put("duplicates", fan.duplicates()).put("fanout_s", round(fan.seconds()))
          .put("connect_s", round(connect));
      figures.mergeIn(fan.passFigures());
      if (nginx != null) {
        figures.put("gets_vs_nginx", nginx);
      }
      if (ackFigures != null) {
        figures.mergeIn(ackFigures);
      }
      int frameBytes = gens.status().getInteger("frameBytes");
      figures.put("frame_bytes", frameBytes);
      if (options.storm()) {
        storm(hubs, figures);
      }
      gens.all("close", 60_000);
      return new Measured(figures, fan.delivery(), frameBytes);
    } finally {
      hubs.stopAll();
    }
  }

  private JsonObject ackFigures;

  /**
   * The same fan-out again, every subscriber acknowledging what it has once a second: the CPU per
   * delivered frame with the acks' cost in it, against the run without them.
   */
  private void acks(Generators gens, int n, List<Integer> ports, FanOut.Result without, Hubs hubs) {
    gens.all("acks on", 10_000);
    FanOut.Result with = FanOut.run(gens, n, options.warmup(), options.commands(), options.rate(),
        i -> Staff.command(ports.get(i % ports.size()), 1_000_000 + i), hubs::cpuMicros);
    gens.all("acks off", 10_000);
    double ratio = with.cpuMicrosPerFrame() / without.cpuMicrosPerFrame();
    System.out.printf("  with acks: %.2f µs CPU/frame (%.2f x without), p99 %.1f ms, lost %d, gaps %d%n",
        with.cpuMicrosPerFrame(), ratio, with.delivery().getValueAtPercentile(99) / 1000.0, with.lost(), with.gaps());
    ackFigures = new JsonObject().put("acks_cpu_us_per_frame", round(with.cpuMicrosPerFrame()))
        .put("acks_cpu_ratio", round(ratio)).put("acks_delivery_p99_ms", ms(with.delivery().getValueAtPercentile(99)))
        .put("acks_lost", with.lost()).put("acks_gaps", with.gaps());
  }

  /**
   * kill -9 node 1, start it again on the same port, commit two commands while it comes up, and
   * time until every socket is back, resumed and at the last version.
   */
  private void storm(Hubs hubs, JsonObject figures) {
    int n = options.subscribers();
    gens.all("reconnect on", 10_000);
    JsonObject before = gens.status();
    long t0 = System.nanoTime();
    hubs.kill(0);
    // Restarted at once, as a supervisor would; staff commit two changes while it comes up.
    try {
      hubs.start(0);
    } catch (IOException e) {
      throw new IllegalStateException("could not restart hub 1", e);
    }
    db.command(Staff.delay(0));
    long last = db.command(Staff.delay(1));
    gens.all("target " + last, 10_000);
    hubs.awaitReady(0, 120);
    double nodeReady = (System.nanoTime() - t0) / 1e9;
    long deadline = t0 + STORM_LIMIT_MS * 1_000_000L;
    long nextReport = System.nanoTime() + 2_000_000_000L;
    JsonObject s = gens.status();
    while (!(s.getLong("atTarget") >= n && s.getLong("reconnecting") == 0) && System.nanoTime() < deadline) {
      if (System.nanoTime() >= nextReport) {
        System.out.printf("  storm: %d/%d at the last version, %d reconnecting%n", s.getLong("atTarget"), n,
            s.getLong("reconnecting"));
        nextReport += 2_000_000_000L;
      }
      Sleep.millis(50);
      s = gens.status();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    gens.all("reconnect off", 10_000);
    long resumed = s.getLong("resumed") - before.getLong("resumed");
    boolean done = s.getLong("atTarget") >= n && s.getLong("reconnecting") == 0;
    System.out.printf("  storm: %d sockets resumed in %.1f s (node up after %.1f s), gaps %d, snapshots %d%s%n",
        resumed, seconds, nodeReady, s.getLong("gaps") - before.getLong("gaps"),
        s.getLong("resyncs") - before.getLong("resyncs"), done ? "" : " — NOT ALL BACK");
    figures.put("storm_resume_s", done ? round(seconds) : -1).put("storm_node_ready_s", round(nodeReady))
        .put("storm_after_node_ready_s", done ? round(seconds - nodeReady) : -1)
        .put("storm_resumed", resumed).put("storm_gaps", s.getLong("gaps") - before.getLong("gaps"))
        .put("storm_snapshots", s.getLong("resyncs") - before.getLong("resyncs"))
        .put("storm_behind", n - s.getLong("atTarget"));
  }

  static double ms(long micros) {
    return round(micros / 1000.0);
  }

  /** The median of these figures (the mean of the middle two for an even count); null for none. */
  static Double median(java.util.List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    java.util.List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import podium.outbound.PushSettings;

/**
 * Web Push beside the fan-out (--push; issue 21): "a burst (a 30-minute cascade moving 12 sessions,
 * each starred by 10,000 phones) is sent at a bounded rate without delaying the WebSocket fan-out".
 * The hub pushes to PushService (PODIUM_PUSH_PRIVATE=true lets it post to http:// on loopback). A
 * bench room of 12 back-to-back sessions is added first, so that one 30-minute cascade moves
 * exactly 12 and none of them is the keynote the other commands delay. Then the same fan-out
 * (--subscribers sockets, --commands at --rate, the first measured one being the cascade) runs
 * three times: without push subscriptions, again without (the two give the run's own noise), and
 * with --push-phones subscriptions, each starring the 12. After the last, the bench waits for every
 * notice and measures the send rate and the hub's CPU per push once the fan-out is over.
 */
final class PushBench {

  static final String ROOM = "bench-hall";
  static final int SESSIONS = 12;
  static final int CASCADE_MINUTES = 30;
  static final long IDLE_MS = 5_000;
  private static final List<String> RATIOS = List.of("delivery_p50_ms", "delivery_p99_ms", "command_p50_ms",
      "command_p99_ms", "cpu_us_per_frame");

  private PushBench() {
  }

  static JsonObject run(BenchOptions options, String command) throws Exception {
    BenchOptions o = options.noStorm();
    Files.createDirectories(o.work());
    int n = o.subscribers();
    int phones = o.pushPhones();
    long expected = (long) phones * SESSIONS;
    int perSecond = o.pushPerSecond() > 0 ? o.pushPerSecond() : PushSettings.DEFAULTS.perSecond();
    Vertx vertx = Vertx.vertx();
    System.out.printf("push: %d subscribers, %d commands at %.1f/s; %d phones x %d sessions; %d pushes/s per node%n",
        n, o.commands(), o.rate(), phones, SESSIONS, perSecond);
    try (BenchDatabase db = BenchDatabase.start(vertx, o.pg()); Generators gens = new Generators(o)) {
      PushService service = PushService.start(vertx, o.basePort() + 60, (int) Math.min(Integer.MAX_VALUE - 8,
          expected * 2));
      Map<String, String> env = new HashMap<>(db.env());
      env.put("PODIUM_PUSH_PRIVATE", "true");
      if (o.pushPerSecond() > 0) {
        env.put("PODIUM_PUSH_PER_SECOND", String.valueOf(o.pushPerSecond()));
      }
      Hubs hubs = new Hubs(o, env);
      try {
        if (o.classArchive()) {
          hubs.trainClassArchive();
        }
        hubs.startAll();
        List<Integer> ports = IntStream.range(0, o.nodes()).mapToObj(o::hubPort).toList();
        List<String> sessions = benchHall(ports.get(0));
        Connect.all("push", gens, ports, n, o.window());
        AtomicInteger keynote = new AtomicInteger();
        JsonObject runs = new JsonObject();
        System.out.println("fan-out without push subscriptions:");
        runs.put("without", figures(fanOut(o, gens, ports, hubs, keynote, new AtomicReference<>())));
        System.out.println("the same again (the run's noise):");
        runs.put("without_again", figures(fanOut(o, gens, ports, hubs, keynote, new AtomicReference<>())));
        double[] idle = idle(hubs, db);
        System.out.printf("  idle: hub %.0f µs/s, PostgreSQL %.0f µs/s%n", idle[0], idle[1]);
        double subscribed = Phones.subscribe(vertx, ports.get(0), service, phones, sessions);
        System.out.printf("  %d push subscriptions made through the API in %.1f s%n", phones, subscribed);
        Sleep.millis(3_000);
        System.out.println("fan-out with them (the cascade starts the burst):");
        AtomicReference<Staff.Sent> cascade = new AtomicReference<>();
        FanOut.Result with = fanOut(o, gens, ports, hubs, keynote, cascade);
        runs.put("with", figures(with));
        JsonObject push = awaitPushes(service, hubs, db, expected, perSecond * o.nodes(), cascade.get(), idle);
        push.put("subscribe_s", PodiumPhase.round(subscribed)).put("push_per_second_setting", perSecond)
            .put("nodes", o.nodes()).put("pushes_during_fanout_window_s", PodiumPhase.round(with.seconds()));
        JsonObject result = new JsonObject().put("command", command).put("date", java.time.Instant.now().toString())
            .put("subscribers", n).put("phones", phones).put("sessions_per_phone", SESSIONS)
            .put("commands", o.commands()).put("rate_per_s", o.rate()).put("cores", Runtime.getRuntime()
                .availableProcessors()).put("runs", runs).put("ratios", ratios(runs)).put("push", push);
        PushReport.write(o.out(), result);
        return result;
      } finally {
        hubs.stopAll();
        service.close();
      }
    } finally {
      Children.killAll();
      vertx.close();
    }
  }

  /** A room with 12 sessions of 20 minutes back to back from 13:00: a cascade from the first moves all 12. */
  private static List<String> benchHall(int port) {
    Staff.newPhase();
    Staff.command(port, 0, new JsonObject().put("type", "room.add").put("room", ROOM)
        .put("name", new JsonObject().put("en", "Bench Hall").put("zh", "测试厅")));
    List<String> ids = new ArrayList<>();
    for (int j = 0; j < SESSIONS; j++) {
      String id = String.format("bench-talk-%02d", j + 1);
      int start = 13 * 60 + 20 * j;
      Staff.command(port, 1 + j, new JsonObject().put("type", "session.add").put("session", id).put("kind", "speech")
          .put("room", ROOM).put("title", new JsonObject().put("en", "Bench talk " + (j + 1)).put("zh", "测试报告" + (j + 1)))
          .put("start", time(start)).put("end", time(start + 20)));
      ids.add(id);
    }
    return ids;
  }

  private static String time(int minutes) {
    return String.format("2023-08-16T%02d:%02d", minutes / 60, minutes % 60);
  }

  static JsonObject cascade() {
    return new JsonObject().put("type", "session.delay").put("session", "bench-talk-01")
        .put("minutes", CASCADE_MINUTES).put("cascade", true);
  }

  /**
   * The fan-out with the cascade as the first measured command; every other command delays the
   * keynote by +1 or -1 minute in turn (one count across the runs, so that it never moves earlier
   * than it began).
   */
  private static FanOut.Result fanOut(BenchOptions o, Generators gens, List<Integer> ports, Hubs hubs,
      AtomicInteger keynote, AtomicReference<Staff.Sent> cascade) {
    Staff.newPhase();
    IntFunction<Staff.Sent> send = i -> {
      int port = ports.get(i % ports.size());
      if (i == o.warmup()) {
        Staff.Sent s = Staff.command(port, i, cascade());
        cascade.set(s);
        return s;
      }
      return Staff.command(port, i, Staff.delay(keynote.getAndIncrement()));
    };
    FanOut.Result r = FanOut.run(gens, o.subscribers(), o.warmup(), o.commands(), o.rate(), send, hubs::cpuMicros);
    System.out.printf("  %d frames, lost %d, gaps %d; delivery p50 %.1f / p99 %.1f ms; command p50 %.1f / p99 %.1f ms;"
            + " %.2f µs CPU/frame%n", r.frames(), r.lost(), r.gaps(), r.delivery().getValueAtPercentile(50) / 1000.0,
        r.delivery().getValueAtPercentile(99) / 1000.0, r.post().getValueAtPercentile(50) / 1000.0,
        r.post().getValueAtPercentile(99) / 1000.0, r.cpuMicrosPerFrame());
    return r;
  }

  private static JsonObject figures(FanOut.Result f) {
    return new JsonObject().put("delivery_p50_ms", PodiumPhase.ms(f.delivery().getValueAtPercentile(50)))
        .put("delivery_p99_ms", PodiumPhase.ms(f.delivery().getValueAtPercentile(99)))
        .put("delivery_max_ms", PodiumPhase.ms(f.delivery().getMaxValue()))
        .put("command_p50_ms", PodiumPhase.ms(f.post().getValueAtPercentile(50)))
        .put("command_p99_ms", PodiumPhase.ms(f.post().getValueAtPercentile(99)))
        .put("cpu_us_per_frame", PodiumPhase.round(f.cpuMicrosPerFrame()))
        .put("cpu_us_per_frame_net_of_idle", PodiumPhase.round(f.netCpuMicrosPerFrame()))
        .put("frames", f.frames()).put("lost", f.lost()).put("gaps", f.gaps()).put("duplicates", f.duplicates())
        .put("fanout_s", PodiumPhase.round(f.seconds())).mergeIn(f.passFigures());
  }

  /** with ÷ without (the second, nearer in time), and the noise: the second without ÷ the first. */
  private static JsonObject ratios(JsonObject runs) {
    JsonObject with = new JsonObject();
    JsonObject noise = new JsonObject();
    for (String f : RATIOS) {
      double a = runs.getJsonObject("without").getDouble(f);
      double a2 = runs.getJsonObject("without_again").getDouble(f);
      double b = runs.getJsonObject("with").getDouble(f);
      with.put(f, a2 > 0 ? PodiumPhase.round(b / a2) : null);
      noise.put(f, a > 0 ? PodiumPhase.round(a2 / a) : null);
    }
    return new JsonObject().put("with_over_without", with).put("without_again_over_without", noise);
  }

  /** The hubs' and PostgreSQL's CPU µs per second with the sockets open and nothing to do. */
  private static double[] idle(Hubs hubs, BenchDatabase db) {
    long hub0 = hubs.cpuMicros();
    long pg0 = db.cpuMicros();
    Sleep.millis(IDLE_MS);
    return new double[] {(hubs.cpuMicros() - hub0) * 1000.0 / IDLE_MS, (db.cpuMicros() - pg0) * 1000.0 / IDLE_MS};
  }

  /**
   * Waits (bounded) until the push service has every notice; the send rate, when they came, and the
   * hubs' and PostgreSQL's CPU per push from the fan-out's end on (pushes alone), all-in and net of idle.
   */
  private static JsonObject awaitPushes(PushService service, Hubs hubs, BenchDatabase db, long expected, int perSecond,
      Staff.Sent cascade, double[] idle) {
    long fanEnd = Micros.now();
    long atFanEnd = service.received();
    long hub0 = hubs.cpuMicros();
    long pg0 = db.cpuMicros();
    long limitMs = Math.max(120_000, expected * 3_000 / perSecond);
    long deadline = System.nanoTime() + limitMs * 1_000_000L;
    long shown = System.nanoTime();
    while (service.received() < expected && System.nanoTime() < deadline) {
      Sleep.millis(250);
      if (System.nanoTime() - shown > 10_000_000_000L) {
        shown = System.nanoTime();
        System.out.printf("  pushes: %d of %d (%.0f s after the cascade)%n", service.received(), expected,
            (Micros.now() - cascade.sentMicros()) / 1e6);
      }
    }
    long done = Micros.now();
    long hubCpu = hubs.cpuMicros() - hub0;
    long pgCpu = db.cpuMicros() - pg0;
    long received = service.received();
    long[] times = service.arrivals(0, received);
    long first = times.length == 0 ? 0 : times[0];
    long last = times.length == 0 ? 0 : java.util.Arrays.stream(times).max().orElse(0);
    long after = received - atFanEnd;
    double window = (done - fanEnd) / 1e6;
    long duringFanOut = atFanEnd;
    double fanOutWindow = (fanEnd - cascade.sentMicros()) / 1e6;
    double overall = times.length < 2 ? 0 : (times.length - 1) / ((last - first) / 1e6);
    System.out.printf("  pushes: %d of %d, refused %d, duplicates %d; the last %.1f s after the cascade; %.1f/s%n",
        received, expected, service.refused(), service.duplicates(), (last - cascade.sentMicros()) / 1e6, overall);
    return new JsonObject().put("notices_expected", expected).put("received", received)
        .put("refused", service.refused()).put("first_problem", service.firstProblem())
        .put("duplicates", service.duplicates()).put("complete", received >= expected)
        .put("first_after_cascade_ms", times.length == 0 ? null : PodiumPhase.round((first - cascade.sentMicros()) / 1e3))
        .put("all_after_cascade_s", received >= expected ? PodiumPhase.round((last - cascade.sentMicros()) / 1e6) : null)
        .put("rate_per_s", PodiumPhase.round(overall))
        .put("rate_over_setting", PodiumPhase.round(overall / perSecond))
        .put("during_fanout", duringFanOut)
        .put("rate_during_fanout_per_s", PodiumPhase.round(duringFanOut / Math.max(0.001, fanOutWindow)))
        .put("after_fanout", after)
        .put("rate_after_fanout_per_s", last > fanEnd ? PodiumPhase.round(after / ((last - fanEnd) / 1e6)) : null)
        .put("hub_cpu_us_per_push", after > 0 ? PodiumPhase.round((double) hubCpu / after) : null)
        .put("hub_cpu_us_per_push_net_of_idle", after > 0
            ? PodiumPhase.round(Math.max(0, hubCpu - idle[0] * window) / after) : null)
        .put("pg_cpu_us_per_push", after > 0 && pgCpu >= 0 ? PodiumPhase.round((double) pgCpu / after) : null)
        .put("pg_cpu_us_per_push_net_of_idle", after > 0 && pgCpu >= 0
            ? PodiumPhase.round(Math.max(0, pgCpu - idle[1] * window) / after) : null)
        .put("idle_hub_cpu_us_per_s", PodiumPhase.round(idle[0])).put("idle_pg_cpu_us_per_s", PodiumPhase.round(idle[1]))
        .put("per_second", perSecondCounts(times, cascade.sentMicros()));
  }

  /** How many notices the push service took in each second after the cascade's POST. */
  private static JsonArray perSecondCounts(long[] times, long from) {
    List<Long> counts = new ArrayList<>();
    for (long t : times) {
      int s = (int) Math.max(0, (t - from) / 1_000_000);
      while (counts.size() <= s) {
        counts.add(0L);
      }
      counts.set(s, counts.get(s) + 1);
    }
    return new JsonArray(new ArrayList<>(counts));
  }
}

package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;

/**
 * The fan-out benchmark of issue 4, in one command (docs/BENCHMARKS.md):
 * Podium hub processes on one PostgreSQL, subscribers from generator processes, then the raw
 * Vert.x baseline and the C floor at the same N, all in the same run, on loopback only.
 */
public final class Bench {

  private Bench() {
  }

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      System.out.println(PhoneOptions.USAGE);
      System.exit(0);
    }
    if (java.util.Arrays.asList(args).contains("--phone")) {
      phone(args);
      return;
    }
    BenchOptions options = parsed(() -> BenchOptions.parse(args));
    watchdog(options.maxMinutes());
    try {
      String command = "bin/bench " + String.join(" ", args);
      if (options.burst()) {
        Burst.run(options, command);
      } else if (options.push()) {
        PushBench.run(options, command);
      } else if (options.soakMinutes() > 0) {
        Soak.run(options, command);
      } else if (options.compareMetrics() > 0) {
        MetricsCompare.run(options, command);
      } else {
        run(options, command);
      }
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** The options, or exit 2 saying what is wrong with them. */
  private static <T> T parsed(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e;
    }
  }

  /** Ends the bench, whatever it is waiting for, after this many minutes. */
  private static void watchdog(int maxMinutes) {
    Thread watchdog = new Thread(() -> {
      Sleep.millis(maxMinutes * 60_000L);
      System.err.println("bench: over " + maxMinutes + " minutes; stopping");
      System.exit(3);
    }, "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** bin/bench --phone: the attendee page's cold load under network emulation (PhoneLoad). */
  private static void phone(String[] args) {
    PhoneOptions options = parsed(() -> PhoneOptions.parse(args));
    watchdog(options.maxMinutes());
    try {
      // A long classpath given with --hub-classpath would fill the report: its files are not the figure.
      PhoneLoad.run(options, "bin/bench " + String.join(" ", java.util.Arrays.stream(args)
          .map(a -> a.length() > 120 ? a.substring(0, 40) + "…" : a).toList()));
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** One full run; writes latest.json, latest.md and latest.png to the output directory. */
  public static JsonObject run(BenchOptions options, String command) throws Exception {
    Files.createDirectories(options.work());
    Vertx vertx = Vertx.vertx();
    System.out.printf("bench: %d subscribers, %d node(s), %d commands at %.1f/s, %d generator(s)%n",
        options.subscribers(), options.nodes(), options.commands(), options.rate(), options.generators());
    try (BenchDatabase db = BenchDatabase.start(vertx, options.pg());
        Generators gens = new Generators(options)) {
      System.out.println("podium:");
      PodiumPhase.Measured podium = new PodiumPhase(options, db, gens).run();
      System.out.println("raw baseline:");
      PodiumPhase.Measured raw = RawPhase.run(options, gens, podium.frameBytes());
      gens.close();
      System.out.println("physical floor:");
      int floorSockets = Math.min(options.subscribers(), Floor.MAX_SOCKETS);
      Floor.Result floor = Floor.measure(options.floorSource(), options.work(), options.subscribers(),
          options.floorPasses());
      JsonObject json = Report.json(options, command, podium.figures(), raw.figures(), floor, floorSockets);
      String md = Report.markdown(json);
      Report.write(options.out(), json, md);
      LatencyPlot.write(options.out().resolve("latest.png"), String.format(
          "Delivery latency, %d subscribers, %d node(s)", options.subscribers(), options.nodes()),
          podium.delivery(), raw.delivery());
      System.out.println();
      System.out.println(md);
      System.out.println("wrote " + options.out().resolve("latest.json") + ", latest.md, latest.png");
      return json;
    } finally {
      Children.killAll();
      vertx.close();
    }
  }
}

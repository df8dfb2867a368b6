package podium.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The knobs of one bench run; every loop it drives is bounded by these counts and times. */
record BenchOptions(int subscribers, int nodes, int commands, int warmup, double rate, Path out, Path work, String pg,
    int perGenerator, int window, int basePort, long snapshotMillis, boolean storm, boolean jfr, boolean classArchive,
    int maxMinutes, String classpath, String hubClasspath, Path floorSource, boolean acks, int compareMetrics,
    int soakMinutes, double slowShare, boolean burst, int floorPasses, boolean nginx, boolean push, int pushPhones,
    int pushPerSecond) {

  /** The hub as deployed: the fat jar that {@code mvn package} builds (bin/bench builds it first). */
  static final Path HUB_JAR = Path.of("target/podium.jar");

  static final String USAGE = """
      bin/bench [--subscribers 15000] [--nodes 1] [--commands 30] [--warmup 5]
          [--rate 2] [--out docs/benchmarks] [--work target/bench] [--pg 127.0.0.1:5432]
          [--per-generator 8000] [--window 200] [--base-port 18080] [--snapshot-seconds 5]
          [--no-storm] [--jfr] [--no-cds] [--max-minutes 20] [--floor ../shared/tools/floor.c]
          [--hub-classpath target/podium.jar] [--acks] [--floor-passes 5] [--no-nginx]
      The floor (floor.c) runs --floor-passes times pinned to CPU 1 (taskset; its reader too): the
      floor is the least CPU per write of the passes, reported with their median and most.
      After the snapshot GETs, the same generator drives nginx (/usr/sbin/nginx, as many workers as
      the hub has HTTP instances) serving the very bytes the hub answered for the snapshot (as is and
      gzipped) and for schedule.json, from files, in the same run; --no-nginx skips it.
      --acks runs the fan-out a second time with every subscriber acknowledging (PROTOCOL.md "ack"),
      and reports the CPU per frame of both, as a ratio.
      --compare-metrics RUNS runs the Podium phase with the hubs' metrics off (PODIUM_METRICS=false)
      and on, RUNS times, alternating which goes first, and reports the median of the on/off ratios
      (metrics-compare.json and .md in --out); no raw baseline, floor or storm.
      --soak-minutes M [--slow-share 0.1] is the soak: one hub, --subscribers sockets of which that
      share read slowly (55 s stalled, 5 s reading), --rate commands a second for M minutes; heap and
      RSS every 10 s (soak.json, soak.md, soak.png in --out), every frame and gap counted.
      --burst [--subscribers 5000] [--slow-share 0.1] [--commands 60] is the soak's incident on purpose:
      one hub pinned to CPU 1, the generators (and this coordinator) to CPU 0; the readers' latency
      alone and beside stalled phones; then the stalled ones stuck for good and --commands agenda
      edits of 16 KiB at once: every healthy reader must have every version within 10 s, every stuck
      one be cut within its grace and resume (burst.json, burst.md in --out).
      --push [--push-phones 10000] [--push-per-second N] is Web Push beside the fan-out: one hub
      (PODIUM_PUSH_PRIVATE=true; PODIUM_PUSH_PER_SECOND=N when given, else the hub's default) and a
      push-service stand-in in this process answering 201; a bench room of 12 back-to-back sessions;
      the fan-out (--subscribers, --commands at --rate, one of them a 30-minute cascade delay moving
      the 12) three times: twice without push subscriptions (the second gives the run's noise), then
      with --push-phones subscriptions made through POST /api/events/{slug}/push, each starring the 12.
      It waits for every notice (phones x 12) and reports delivery and command p50/p99 with ÷ without,
      the push rate, the time to the last notice and the hub's CPU per push (push.json, push.md).""";

  static BenchOptions parse(String... args) {
    int subscribers = 15_000;
    int nodes = 1;
    int commands = 30;
    int warmup = 5;
    double rate = 2;
    Path out = Path.of("docs/benchmarks");
    Path work = Path.of("target/bench");
    String pg = null;
    int perGenerator = 8_000;
    int window = 200;
    int basePort = 18_080;
    long snapshotMillis = 5_000;
    boolean storm = true;
    boolean jfr = false;
    boolean classArchive = true;
    boolean acks = false;
    int compareMetrics = 0;
    int soakMinutes = 0;
    double slowShare = 0.1;
    boolean burst = false;
    int floorPasses = 5;
    boolean nginx = true;
    boolean push = false;
    int pushPhones = 10_000;
    int pushPerSecond = 0;
    int maxMinutes = 20;
    boolean maxMinutesGiven = false;
    Path floor = null;
    String hubClasspath = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--no-storm" -> storm = false;
        case "--jfr" -> jfr = true;
        case "--no-cds" -> classArchive = false;
        case "--acks" -> acks = true;
        case "--burst" -> burst = true;
        case "--no-nginx" -> nginx = false;
        case "--push" -> push = true;
        case "--help" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("missing value for " + a + "\n" + USAGE);
          }
          String v = args[++i];
          switch (a) {
            case "--subscribers" -> subscribers = Integer.parseInt(v);
            case "--nodes" -> nodes = Integer.parseInt(v);
            case "--commands" -> commands = Integer.parseInt(v);
            case "--warmup" -> warmup = Integer.parseInt(v);
            case "--rate" -> rate = Double.parseDouble(v);
            case "--out" -> out = Path.of(v);
            case "--work" -> work = Path.of(v);
            case "--pg" -> pg = v;
            case "--per-generator" -> perGenerator = Integer.parseInt(v);
            case "--window" -> window = Integer.parseInt(v);
            case "--base-port" -> basePort = Integer.parseInt(v);
            case "--snapshot-seconds" -> snapshotMillis = (long) (Double.parseDouble(v) * 1000);
            case "--max-minutes" -> {
              maxMinutes = Integer.parseInt(v);
              maxMinutesGiven = true;
            }
            case "--floor-passes" -> floorPasses = Integer.parseInt(v);
            case "--push-phones" -> pushPhones = Integer.parseInt(v);
            case "--push-per-second" -> pushPerSecond = Integer.parseInt(v);
            case "--floor" -> floor = Path.of(v);
            case "--hub-classpath" -> hubClasspath = v;
            case "--compare-metrics" -> compareMetrics = Integer.parseInt(v);
            case "--soak-minutes" -> soakMinutes = Integer.parseInt(v);
            case "--slow-share" -> slowShare = Double.parseDouble(v);
            default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
          }
        }
      }
    }
    if (subscribers < 1 || subscribers > 100_000 || nodes < 1 || nodes > 8 || commands < 1 || commands > 1000
        || warmup < 0 || warmup > 100 || rate <= 0 || rate > 100 || perGenerator < 1 || perGenerator > 18_000 || maxMinutes < 1
        || compareMetrics < 0 || compareMetrics > 9 || soakMinutes < 0 || soakMinutes > 240 || slowShare < 0
        || slowShare > 0.5 || floorPasses < 1 || floorPasses > 20 || pushPhones < 1 || pushPhones > 50_000
        || pushPerSecond < 0 || pushPerSecond > 10_000) {
      throw new IllegalArgumentException("out of bounds: 1..100000 subscribers, 1..8 nodes, 1..1000 commands,"
          + " rate 0..100/s, at most 18000 sockets per generator, 0..9 metric comparisons, a soak of at most 240"
          + " minutes with a slow share of at most 0.5, 1..20 floor passes, 1..50000 push phones,"
          + " 1..10000 pushes a second\n" + USAGE);
    }
    // The watchdog's limit leaves room for a soak or a comparison that takes longer by design.
    if (soakMinutes > 0) {
      maxMinutes = Math.max(maxMinutes, soakMinutes + 15);
    }
    maxMinutes = Math.max(maxMinutes, 8 * compareMetrics);
    // Three fan-outs, then every notice at the hub's rate (200 a second by default: 10 minutes for 120,000).
    if (push && !maxMinutesGiven) {
      maxMinutes = Math.max(maxMinutes, 15 + 2 * pushPhones * 12 / (pushPerSecond > 0 ? pushPerSecond : 200) / 60);
    }
    if (hubClasspath == null) {
      if (!Files.isRegularFile(HUB_JAR)) {
        throw new IllegalArgumentException(HUB_JAR.toAbsolutePath() + " not found: the hubs run from the hub jar."
            + " Build it first (bin/bench does): mvn -B -q package -DskipTests");
      }
      hubClasspath = HUB_JAR.toAbsolutePath().toString();
    }
    return new BenchOptions(subscribers, nodes, commands, warmup, rate, out, work, pg, perGenerator, window, basePort,
        snapshotMillis, storm, jfr, classArchive, maxMinutes, System.getProperty("java.class.path"), hubClasspath,
        floor != null ? floor : defaultFloor(), acks, compareMetrics, soakMinutes, slowShare, burst, floorPasses, nginx,
        push, pushPhones, pushPerSecond);
  }

  /** The same run without the reconnect storm and the nginx baseline: the Podium phase alone. */
  BenchOptions noStorm() {
    return new BenchOptions(subscribers, nodes, commands, warmup, rate, out, work, pg, perGenerator, window, basePort,
        snapshotMillis, false, jfr, classArchive, maxMinutes, classpath, hubClasspath, floorSource, acks,
        compareMetrics, soakMinutes, slowShare, burst, floorPasses, false, push, pushPhones, pushPerSecond);
  }

  /** The CPU a process of this kind is pinned to in a burst run (taskset), or null when nothing is pinned. */
  String cpuOf(String kind) {
    return !burst ? null : "hub".equals(kind) ? "1" : "0";
  }

  int generators() {
    return (subscribers + perGenerator - 1) / perGenerator;
  }

  int rawPort() {
    return basePort + 50;
  }

  int hubPort(int node) {
    return basePort + node;
  }

  /** floor.c lives in shared/tools beside the clone (CI) or the worktree. */
  private static Path defaultFloor() {
    for (String candidate : new String[] {"../shared/tools/floor.c", "/work/shared/tools/floor.c"}) {
      Path p = Path.of(candidate);
      if (p.toFile().isFile()) {
        return p;
      }
    }
    return Path.of("../shared/tools/floor.c");
  }
}

package podium.bench;

import java.nio.file.Path;
import podium.browser.ColdLoad;

/**
 * The knobs of bin/bench --phone: how many runs, how many cold loads of each page per profile in a
 * run, which commit's webroot is the baseline, where to write, and the two hubs' ports.
 */
record PhoneOptions(int runs, int loads, java.util.List<ColdLoad.Profile> profiles, String baseline, Path webroot, Path out, Path work, int basePort, String hubClasspath,
    int maxMinutes) {

  /** The webroot this work started from (main before the phone's load work): today's page. */
  static final String BASELINE = "af705283d9c7dffdab2567d2d32146fbc6d0f327";

  static final String USAGE = """
      bin/bench --phone [--runs 3] [--loads 3] [--baseline COMMIT] [--out docs/benchmarks]
          [--work target/bench-phone] [--base-port 18180] [--max-minutes 60] [--webroot webroot]
          [--profiles unthrottled,fast-3g,slow-3g]
      The attendee page from a cold cache to the agenda shown live, at 390x844 under Chromium's
      network emulation (unthrottled, Fast 3G, Slow 3G): the webroot of COMMIT (the baseline,
      default %s) and this checkout's, each served by its own hub from target/podium.jar on one
      PostgreSQL (--webroot: another folder as the new page), loaded alternately, --loads times each per profile and run. Writes phone.json and
      phone.md (medians, new / baseline ratios within each run, the waterfalls) in --out.""".formatted(BASELINE);

  static PhoneOptions parse(String... args) {
    int runs = 3;
    int loads = 3;
    String baseline = BASELINE;
    java.util.List<ColdLoad.Profile> profiles = java.util.List.of(ColdLoad.Profile.values());
    Path webroot = Path.of("webroot");
    Path out = Path.of("docs/benchmarks");
    Path work = Path.of("target/bench-phone");
    int basePort = 18_180;
    int maxMinutes = 60;
    String hubClasspath = BenchOptions.HUB_JAR.toAbsolutePath().toString();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--phone")) {
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a + "\n" + USAGE);
      }
      String v = args[++i];
      switch (a) {
        case "--runs" -> runs = Integer.parseInt(v);
        case "--loads" -> loads = Integer.parseInt(v);
        case "--baseline" -> baseline = v;
        case "--out" -> out = Path.of(v);
        case "--webroot" -> webroot = Path.of(v);
        case "--profiles" -> profiles = java.util.Arrays.stream(v.split(",")).map(k -> java.util.Arrays.stream(
            ColdLoad.Profile.values()).filter(p -> p.key.equals(k.trim())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no profile " + k))).toList();
        case "--work" -> work = Path.of(v);
        case "--base-port" -> basePort = Integer.parseInt(v);
        case "--max-minutes" -> maxMinutes = Integer.parseInt(v);
        case "--hub-classpath" -> hubClasspath = v;
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (runs < 1 || runs > 9 || loads < 1 || loads > 15 || !baseline.matches("[0-9a-zA-Z._/^~-]+")) {
      throw new IllegalArgumentException("out of bounds: 1..9 runs, 1..15 loads, a commit name\n" + USAGE);
    }
    return new PhoneOptions(runs, loads, profiles, baseline, webroot, out, work, basePort, hubClasspath, maxMinutes);
  }
}

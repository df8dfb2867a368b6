package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import podium.browser.ColdLoad;
import podium.browser.ColdLoad.Profile;

/**
 * The phone on venue Wi-Fi (bin/bench --phone; issue 23): the attendee page from a cold cache to
 * the agenda shown live (ColdLoad says exactly when that is), under Chromium's network emulation,
 * today's page against a baseline in the same run. The baseline is another commit's webroot
 * ({@code git archive COMMIT webroot}); each webroot is served by its own hub (podium.Main from the
 * hub jar, PODIUM_WEBROOT) on the same PostgreSQL, so both pages see the same server code and the
 * same event. Each run loads each page --loads times per profile, alternating which goes first;
 * every load is a fresh Chromium profile. Reports the median per page and the new / baseline ratio
 * within each run, the median of those ratios, and the waterfall of the median load.
 */
final class PhoneLoad {

  static final String[] PAGES = {"baseline", "new"};
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(90);

  private PhoneLoad() {
  }

  static JsonObject run(PhoneOptions o, String command) throws Exception {
    Files.createDirectories(o.work());
    Path baselineRoot = extractBaseline(o);
    Path newRoot = o.webroot().toAbsolutePath();
    String baselineCommit = git("rev-parse", o.baseline() + "^{commit}");
    String head = git("rev-parse", "HEAD");
    boolean dirty = !git("status", "--porcelain", "--", "webroot", "src/main").isEmpty();
    System.out.printf("phone: baseline %s (%s), new %s%s; %d run(s) of %d load(s) per page and profile%n",
        o.baseline(), baselineCommit.substring(0, 12), head.substring(0, 12), dirty ? " + uncommitted changes" : "",
        o.runs(), o.loads());
    Vertx vertx = Vertx.vertx();
    JsonArray runs = new JsonArray();
    try (BenchDatabase db = BenchDatabase.start(vertx, null)) {
      Map<String, Integer> ports = Map.of("baseline", o.basePort(), "new", o.basePort() + 1);
      startHub(o, db, "baseline", baselineRoot, ports.get("baseline"));
      startHub(o, db, "new", newRoot, ports.get("new"));
      for (String page : PAGES) {
        awaitReady(ports.get(page));
      }
      // One load of each before measuring: the hubs' JIT and file caches warm, as on a venue's running hub.
      for (String page : PAGES) {
        ColdLoad.measure(url(ports.get(page)), Profile.UNTHROTTLED, LOAD_TIMEOUT);
      }
      for (int r = 0; r < o.runs(); r++) {
        JsonObject run = new JsonObject();
        for (Profile profile : o.profiles()) {
          Map<String, JsonArray> loads = new HashMap<>();
          for (String page : PAGES) {
            loads.put(page, new JsonArray());
          }
          for (int i = 0; i < o.loads(); i++) {
            for (String page : (r * o.loads() + i) % 2 == 0 ? PAGES : new String[] {"new", "baseline"}) {
              JsonObject load = ColdLoad.measure(url(ports.get(page)), profile, LOAD_TIMEOUT);
              loads.get(page).add(load);
              System.out.printf(Locale.ROOT, "  run %d %-11s %-8s live %7.0f ms (agenda %7.0f ms), %d round trips%s%n",
                  r + 1, profile.key, page, load.getDouble("live_ms"), load.getDouble("agenda_ms"),
                  load.getInteger("round_trips_before_live"),
                  load.getJsonArray("page_errors").isEmpty() ? "" : ", page errors: " + load.getJsonArray("page_errors"));
            }
          }
          JsonObject p = new JsonObject();
          for (String page : PAGES) {
            p.put(page, summary(loads.get(page)));
          }
          p.put("ratio_live", ratio(p, "live_ms")).put("ratio_agenda", ratio(p, "agenda_ms"));
          run.put(profile.key, p);
        }
        runs.add(run);
      }
    } finally {
      Children.killAll();
      vertx.close();
    }
    JsonObject medians = new JsonObject();
    for (Profile profile : o.profiles()) {
      JsonObject m = new JsonObject();
      for (String page : PAGES) {
        m.put(page + "_live_ms", median(runs, profile.key, page, "live_ms"))
            .put(page + "_agenda_ms", median(runs, profile.key, page, "agenda_ms"))
            .put(page + "_round_trips", median(runs, profile.key, page, "round_trips_before_live"));
      }
      m.put("ratio_live", median(runs, profile.key, null, "ratio_live"))
          .put("ratio_agenda", median(runs, profile.key, null, "ratio_agenda"));
      medians.put(profile.key, m);
    }
    JsonObject json = new JsonObject().put("command", command).put("date", java.time.Instant.now().toString())
        .put("baseline_commit", baselineCommit).put("new_commit", head).put("new_uncommitted_changes", dirty)
        .put("viewport", "390x844").put("cores", Runtime.getRuntime().availableProcessors())
        .put("runs_count", o.runs()).put("loads_per_page_and_profile", o.loads())
        .put("profiles", profiles()).put("median", medians).put("runs", runs);
    String md = PhoneReport.markdown(json);
    Files.createDirectories(o.out());
    Files.writeString(o.out().resolve("phone.json"), json.encodePrettily() + "\n");
    Files.writeString(o.out().resolve("phone.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("wrote " + o.out().resolve("phone.json") + " and phone.md");
    return json;
  }

  static String url(int port) {
    return "http://127.0.0.1:" + port + "/?event=baotou-2023";
  }

  /** The median load's figures and waterfall; every load's live and agenda times and round trips. */
  private static JsonObject summary(JsonArray loads) {
    List<JsonObject> sorted = new ArrayList<>();
    loads.forEach(l -> sorted.add((JsonObject) l));
    sorted.sort((a, b) -> Double.compare(a.getDouble("live_ms"), b.getDouble("live_ms")));
    JsonObject mid = sorted.get(sorted.size() / 2);
    JsonArray each = new JsonArray();
    int errors = 0;
    for (Object o : loads) {
      JsonObject l = (JsonObject) o;
      each.add(new JsonObject().put("live_ms", l.getDouble("live_ms")).put("agenda_ms", l.getDouble("agenda_ms"))
          .put("round_trips_before_live", l.getInteger("round_trips_before_live")));
      errors += l.getJsonArray("page_errors").size();
    }
    return new JsonObject().put("live_ms", mid.getDouble("live_ms")).put("agenda_ms", mid.getDouble("agenda_ms"))
        .put("fcp_ms", mid.getDouble("fcp_ms")).put("round_trips_before_live", mid.getInteger("round_trips_before_live"))
        .put("page_errors", errors).put("loads", each).put("median_load", mid);
  }

  private static Double ratio(JsonObject p, String figure) {
    Double b = p.getJsonObject("baseline").getDouble(figure);
    Double n = p.getJsonObject("new").getDouble(figure);
    return b == null || n == null || b == 0 ? null : Math.round(n / b * 1000) / 1000.0;
  }

  private static Double median(JsonArray runs, String profile, String page, String figure) {
    List<Double> values = new ArrayList<>();
    for (Object o : runs) {
      JsonObject p = ((JsonObject) o).getJsonObject(profile);
      Object v = page == null ? p.getValue(figure) : p.getJsonObject(page).getValue(figure);
      if (v instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    return PodiumPhase.median(values);
  }

  private static JsonObject profiles() {
    JsonObject out = new JsonObject();
    for (Profile p : Profile.values()) {
      out.put(p.key, new JsonObject().put("latency_ms", p.latencyMs).put("down_bytes_per_s", p.downBytesPerSecond)
          .put("up_bytes_per_s", p.upBytesPerSecond));
    }
    return out;
  }

  /** git archive COMMIT webroot, unpacked under the work directory (afresh each run). */
  private static Path extractBaseline(PhoneOptions o) throws IOException, InterruptedException {
    Path dir = o.work().resolve("phone-baseline").toAbsolutePath();
    if (Files.exists(dir)) {
      new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
    }
    Files.createDirectories(dir);
    Process p = new ProcessBuilder("sh", "-c", "git archive \"$1\" webroot | tar -x -C \"$2\"", "sh", o.baseline(),
        dir.toString()).inheritIO().start();
    if (p.waitFor() != 0 || !Files.isRegularFile(dir.resolve("webroot/index.html"))) {
      throw new IllegalStateException("could not extract the webroot of " + o.baseline() + " into " + dir);
    }
    return dir.resolve("webroot");
  }

  private static String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + out);
    }
    return out;
  }

  private static void startHub(PhoneOptions o, BenchDatabase db, String page, Path webroot, int port) throws IOException {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("PODIUM_HTTP_PORT", String.valueOf(port));
    env.put("PODIUM_NODE_NAME", "phone-" + page);
    env.put("PODIUM_WEBROOT", webroot.toString());
    Children.java("podium.Main", List.of("-Xmx512m"), List.of(), env, o.hubClasspath(),
        o.work().resolve("hub-" + page + ".log"), false);
  }

  private static void awaitReady(int port) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/events/baotou-2023");
    while (System.nanoTime() < deadline) {
      if (Hubs.servesDemo(uri)) {
        return;
      }
      Sleep.millis(100);
    }
    throw new IllegalStateException("the hub on port " + port + " was not ready within 120 s");
  }
}

package podium.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * "Snapshot and export GETs at least as fast as nginx serving the same bytes from a file, with the
 * same load generator, in the same run" (issue 23). The bytes the hub answered for each path are
 * saved to files (the gzip answer as the file's .gz twin, which nginx's gzip_static sends as it is:
 * neither side compresses anything per request), and nginx, with as many worker processes as the hub
 * has HTTP instances, serves them with the hub's own response headers. The same generator process
 * drives both with the same connections for the same time, hub and nginx in the order hub, nginx,
 * nginx, hub (after a warm-up of each), so that a drift of the shared machine falls on both alike.
 */
final class NginxBaseline {

  static final Path BINARY = Path.of("/usr/sbin/nginx");
  static final int CONNECTIONS = 32;
  private static final long WARM_NGINX_MS = 1_000;
  /** Headers nginx writes itself for a static file (or that describe this one answer only). */
  private static final Set<String> OWN = Set.of("date", "content-length", "content-type", "etag", "last-modified",
      "content-encoding", "connection", "keep-alive", "transfer-encoding", "server", "accept-ranges");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** One path as a phone asks for it: its name in the report, and whether it asks for gzip. */
  record Target(String name, String path, boolean gzip, String file) { }

  static final List<Target> TARGETS = List.of(
      new Target("snapshot", "/api/events/baotou-2023", false, "snapshot.json"),
      new Target("snapshot_gzip", "/api/events/baotou-2023", true, "snapshot.json"),
      new Target("schedule_json", "/api/events/baotou-2023/schedule.json", false, "schedule.json"),
      new Target("schedule_json_gzip", "/api/events/baotou-2023/schedule.json", true, "schedule.json"));

  private NginxBaseline() {
  }

  static JsonObject run(BenchOptions o, Generators gens, int hubPort, long hubPid) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      System.out.println("  nginx baseline: " + BINARY + " not found (apt-get install nginx-light); skipped");
      return new JsonObject().put("skipped", BINARY + " not found");
    }
    Path dir = o.work().resolve("nginx").toAbsolutePath();
    for (String sub : List.of("conf", "logs", "html")) {
      Files.createDirectories(dir.resolve(sub));
    }
    JsonObject saved = new JsonObject();
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    for (Target t : TARGETS) {
      saved.put(t.name(), save(hubPort, t, dir.resolve("html"), headers));
    }
    int workers = Runtime.getRuntime().availableProcessors(); // PODIUM_HTTP_INSTANCES' default: one per core
    int port = o.basePort() + 70;
    Files.writeString(dir.resolve("conf/nginx.conf"), conf(workers, port, dir.resolve("html"), headers));
    Process nginx = Children.start(List.of(BINARY.toString(), "-p", dir.toString(), "-c",
        dir.resolve("conf/nginx.conf").toString(), "-g", "daemon off;"), Map.of(), dir.resolve("nginx.out"), false);
    JsonObject targets = new JsonObject();
    try {
      awaitListening(port, nginx, dir);
      for (Target t : TARGETS) {
        if (saved.getJsonObject(t.name()).containsKey("skipped")) {
          targets.put(t.name(), saved.getJsonObject(t.name()));
          continue;
        }
        targets.put(t.name(), compare(o, gens, t, hubPort, hubPid, port, nginx).mergeIn(saved.getJsonObject(t.name())));
      }
    } finally {
      stop(nginx);
    }
    return new JsonObject().put("nginx", version()).put("nginx_workers", workers).put("hub_http_instances", workers)
        .put("connections", CONNECTIONS).put("seconds_each", o.snapshotMillis() / 1000.0)
        .put("order", "a warm-up of each (the hub's as long as a measured run), then hub, nginx, nginx, hub")
        .put("targets", targets);
  }

  /** The hub's answer to one path, as a file for nginx: its bytes, headers and version. */
  private static JsonObject save(int hubPort, Target t, Path html, Map<String, Map<String, String>> headers)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hubPort + t.path()))
        .timeout(Duration.ofSeconds(10));
    if (t.gzip()) {
      request.header("Accept-Encoding", "gzip");
    }
    HttpResponse<byte[]> answer;
    try {
      answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    String encoding = answer.headers().firstValue("Content-Encoding").orElse("identity");
    if (answer.statusCode() != 200 || t.gzip() != "gzip".equalsIgnoreCase(encoding)) {
      System.out.printf("  nginx baseline: the hub answered %s with %d, Content-Encoding %s; skipped%n", t.name(),
          answer.statusCode(), encoding);
      return new JsonObject().put("skipped", "the hub answered " + answer.statusCode() + ", " + encoding);
    }
    Files.write(html.resolve(t.gzip() ? t.file() + ".gz" : t.file()), answer.body());
    Map<String, String> kept = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> {
      if (!OWN.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        kept.put(name, String.join(", ", values));
      }
    });
    kept.put("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"));
    headers.putIfAbsent(t.path(), kept);
    return new JsonObject().put("path", t.path()).put("accept_encoding", t.gzip() ? "gzip" : "none")
        .put("file_bytes", answer.body().length).put("hub_etag", answer.headers().firstValue("ETag").orElse(null))
        .put("content_encoding", encoding);
  }

  /**
   * One server block; each path is an exact location aliased to its file, with the hub's headers.
   * Nothing is compressed on the fly: gzip_static sends the .gz twin to a client that asks for gzip.
   */
  static String conf(int workers, int port, Path html, Map<String, Map<String, String>> headers) {
    StringBuilder locations = new StringBuilder();
    for (Map.Entry<String, Map<String, String>> e : headers.entrySet()) {
      String file = TARGETS.stream().filter(t -> t.path().equals(e.getKey())).findFirst().orElseThrow().file();
      locations.append("    location = ").append(e.getKey()).append(" {\n")
          .append("      alias ").append(html.resolve(file)).append(";\n")
          .append("      gzip_static on;\n")
          .append("      default_type \"").append(quoted(e.getValue().get("Content-Type"))).append("\";\n");
      e.getValue().forEach((name, value) -> {
        if (!name.equals("Content-Type") && !value.contains("$")) {
          locations.append("      add_header ").append(name).append(" \"").append(quoted(value)).append("\";\n");
        }
      });
      locations.append("    }\n");
    }
    return String.format(Locale.ROOT, """
        # Written by the bench (podium.bench.NginxBaseline): the hub's answers as static files.
        worker_processes %d;
        pid logs/nginx.pid;
        error_log logs/error.log warn;
        events {
          worker_connections 1024;
        }
        http {
          types { }
          access_log off;
          sendfile on;
          tcp_nodelay on;
          gzip off;
          etag on;
          keepalive_timeout 75s;
          keepalive_requests 100000000;
          server {
            listen 127.0.0.1:%d;
        %s  }
        }
        """, workers, port, locations);
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Warm-ups, then hub, nginx, nginx, hub: requests a second of each, their mean and the hub's ÷ nginx's. */
  private static JsonObject compare(BenchOptions o, Generators gens, Target t, int hubPort, long hubPid, int port,
      Process nginx) {
    long ms = o.snapshotMillis();
    get(gens, hubPort, t, ms);
    get(gens, port, t, WARM_NGINX_MS);
    List<JsonObject> hub = new ArrayList<>();
    List<JsonObject> ngx = new ArrayList<>();
    for (boolean onHub : new boolean[] {true, false, false, true}) {
      long before = onHub ? ProcStat.cpuMicros(hubPid) : cpu(nginx);
      JsonObject r = get(gens, onHub ? hubPort : port, t, ms);
      long cpu = (onHub ? ProcStat.cpuMicros(hubPid) : cpu(nginx)) - before;
      r.put("cpu_us_per_request", PodiumPhase.round((double) cpu / Math.max(1, r.getLong("requests"))));
      (onHub ? hub : ngx).add(r);
    }
    double hubRps = mean(hub, "rps");
    double nginxRps = mean(ngx, "rps");
    System.out.printf("  %s: hub %.0f/s, nginx %.0f/s: hub ÷ nginx %.2f (CPU per request %.1f / %.1f µs)%n",
        t.name(), hubRps, nginxRps, hubRps / nginxRps, mean(hub, "cpu_us_per_request"),
        mean(ngx, "cpu_us_per_request"));
    return new JsonObject().put("hub_rps", Math.round(hubRps)).put("nginx_rps", Math.round(nginxRps))
        .put("hub_over_nginx", nginxRps > 0 ? PodiumPhase.round(hubRps / nginxRps) : null)
        .put("hub_rps_runs", rps(hub)).put("nginx_rps_runs", rps(ngx))
        .put("hub_cpu_us_per_request", PodiumPhase.round(mean(hub, "cpu_us_per_request")))
        .put("nginx_cpu_us_per_request", PodiumPhase.round(mean(ngx, "cpu_us_per_request")))
        .put("hub_body_bytes", Math.round(mean(hub, "body_bytes")))
        .put("nginx_body_bytes", Math.round(mean(ngx, "body_bytes")))
        .put("errors", hub.stream().mapToLong(r -> r.getLong("errors")).sum()
            + ngx.stream().mapToLong(r -> r.getLong("errors")).sum());
  }

  /** The GETs' table for latest.md. */
  static String markdown(JsonObject g) {
    if (g.containsKey("skipped")) {
      return "\nGETs against nginx: skipped (" + g.getString("skipped") + ").\n";
    }
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nGETs, hub against %s with %d worker(s) serving"
            + " the hub's answers from files; %d connections, %.0f s each, %s:%n%n", g.getString("nginx"),
        g.getInteger("nginx_workers"), g.getInteger("connections"), g.getDouble("seconds_each"), g.getString("order")));
    md.append("| GET | bytes | hub (requests/s) | nginx (requests/s) | **hub ÷ nginx** | CPU per request, hub / nginx (µs) |\n"
        + "|---|---|---|---|---|---|\n");
    JsonObject targets = g.getJsonObject("targets");
    for (String name : targets.fieldNames()) {
      JsonObject t = targets.getJsonObject(name);
      if (t.containsKey("skipped")) {
        md.append("| ").append(name).append(" | skipped: ").append(t.getString("skipped")).append(" | | | | |\n");
        continue;
      }
      md.append(String.format(Locale.ROOT, "| %s%s | %d | %d (%s) | %d (%s) | **%s** | %s / %s |%n", t.getString("path"),
          "gzip".equals(t.getString("accept_encoding")) ? " (gzip)" : "", t.getInteger("file_bytes"),
          t.getLong("hub_rps"), join(t.getJsonArray("hub_rps_runs")), t.getLong("nginx_rps"),
          join(t.getJsonArray("nginx_rps_runs")), t.getValue("hub_over_nginx"), t.getValue("hub_cpu_us_per_request"),
          t.getValue("nginx_cpu_us_per_request")));
    }
    return md.toString();
  }

  private static String join(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(String.valueOf(v)));
    return String.join(", ", out);
  }

  private static JsonObject get(Generators gens, int port, Target t, long ms) {
    return gens.one(0, "get " + port + " " + CONNECTIONS + " " + ms + " " + t.path() + " "
        + (t.gzip() ? "gzip" : "identity"), ms + 60_000);
  }

  private static JsonArray rps(List<JsonObject> runs) {
    JsonArray a = new JsonArray();
    runs.forEach(r -> a.add(Math.round(r.getDouble("rps"))));
    return a;
  }

  private static double mean(List<JsonObject> runs, String field) {
    return runs.stream().mapToDouble(r -> r.getDouble(field)).average().orElse(0);
  }

  /** nginx's master and workers. */
  private static long cpu(Process nginx) {
    return ProcStat.cpuMicros(nginx.pid()) + nginx.descendants().mapToLong(p -> ProcStat.cpuMicros(p.pid())).sum();
  }

  private static void awaitListening(int port, Process nginx, Path dir) throws IOException {
    for (int i = 0; i < 200; i++) {
      if (!nginx.isAlive()) {
        throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
            + (Files.exists(dir.resolve("logs/error.log")) ? Files.readString(dir.resolve("logs/error.log")) : ""));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Sleep.millis(50);
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port);
  }

  private static void stop(Process nginx) {
    List<ProcessHandle> workers = nginx.descendants().toList();
    nginx.destroy(); // SIGTERM: nginx's fast shutdown, workers included
    try {
      if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
        Children.kill(nginx);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static String version() {
    try {
      Process p = new ProcessBuilder(BINARY.toString(), "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return out.replace("nginx version: ", "");
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}

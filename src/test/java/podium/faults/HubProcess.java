package podium.faults;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import podium.Main;
import podium.TestNode;

/**
 * A hub node as deployed: podium.Main in its own JVM (on the test classpath), against a given
 * database, logging JSON to a file. kill() is kill -9: no drain, no goodbye frame.
 */
final class HubProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private HubProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static HubProcess start(PgConnectOptions db, int port, String name, Path dir, Map<String, String> more) {
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve(name + ".log");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xms256m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = pb.environment();
      env.put("PGHOST", db.getHost());
      env.put("PGPORT", String.valueOf(db.getPort()));
      env.put("PGDATABASE", db.getDatabase());
      env.put("PGUSER", db.getUser());
      env.put("PGPASSWORD", db.getPassword() == null ? "" : db.getPassword());
      env.put("PODIUM_HTTP_PORT", String.valueOf(port));
      env.put("PODIUM_HTTP_INSTANCES", "2");
      env.put("PODIUM_NODE_NAME", name);
      env.put("PODIUM_ADMIN_TOKEN", TestNode.ADMIN_TOKEN);
      env.put("PODIUM_LOG_FORMAT", "json");
      env.put("PODIUM_WIRE", TestNode.WIRE.name().toLowerCase());
      env.putAll(more);
      return new HubProcess(name, port, log, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until GET /health/ready answers 200: database, LISTEN, events loaded. */
  HubProcess awaitReady(Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited: " + logText());
      }
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      podium.LiveClient.sleep(50);
    }
    throw new AssertionError(name + " not ready within " + timeout + ": " + logText());
  }

  /** kill -9. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the node drains (each client gets a jittered reconnect) and stops. */
  void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long pid() {
    return process.pid();
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}

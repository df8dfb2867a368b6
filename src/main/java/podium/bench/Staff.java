package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the bench posts: staff commands to a hub (delaying the keynote by +1 then -1 minute, so the
 * agenda ends where it began), or a blast order to the raw server. Each send is timed.
 */
final class Staff {

  /** One send: the version it made, when it left (µs since the epoch) and how long the answer took (µs). */
  record Sent(long version, long sentMicros, long latencyMicros) { }

  static final String SESSION = "keynote-gan-yong";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Staff() {
  }

  static JsonObject delay(int i) {
    return new JsonObject().put("type", "session.delay").put("session", SESSION).put("minutes", i % 2 == 0 ? 1 : -1);
  }

  static Sent command(int port, int i) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/events/baotou-2023/commands"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + BenchDatabase.TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(delay(i).encode())).build();
    long sent = Micros.now();
    long t0 = System.nanoTime();
    HttpResponse<String> response = send(request);
    long took = (System.nanoTime() - t0) / 1000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("command " + i + " refused: " + response.statusCode() + " " + response.body());
    }
    return new Sent(new JsonObject(response.body()).getLong("version"), sent, took);
  }

  static Sent blast(int port, long version, int bytes) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/blast?version=" + version
        + "&bytes=" + bytes)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
    long sent = Micros.now();
    long t0 = System.nanoTime();
    send(request);
    return new Sent(version, sent, (System.nanoTime() - t0) / 1000);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}

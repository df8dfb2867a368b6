package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bench posts: staff commands to a hub (delaying the keynote by +1 then -1 minute, so the
 * agenda ends where it began), or a blast order to the raw server. Each send is timed.
 */
final class Staff {

  /** One send: the version it made, when it left (µs since the epoch) and how long the answer took (µs). */
  record Sent(long version, long sentMicros, long latencyMicros) { }

  static final String SESSION = "keynote-gan-yong";
  private static final String PATH = "/api/events/baotou-2023/commands";
  private static final Map<Integer, PlainHttp> CLIENTS = new ConcurrentHashMap<>();
  /** Retry keys are "bench-PHASE-i": a second phase against the same database must not replay the first's. */
  private static final java.util.concurrent.atomic.AtomicInteger PHASE = new java.util.concurrent.atomic.AtomicInteger();

  /** Called when a phase starts sending commands, which then get fresh retry keys. */
  static void newPhase() {
    PHASE.incrementAndGet();
  }

  private Staff() {
  }

  static JsonObject delay(int i) {
    return new JsonObject().put("type", "session.delay").put("session", SESSION).put("minutes", i % 2 == 0 ? 1 : -1);
  }

  /**
   * Posts command i with an Idempotency-Key, as the console does: if the connection fails, the one
   * retry cannot apply it twice.
   */
  static Sent command(int port, int i) {
    return command(port, i, delay(i));
  }

  /**
   * A rewrite of one session's title and description at their longest (2,000 characters each, in
   * English and Chinese): a 16 KiB change frame, so that a phone that stops reading fills its
   * socket within seconds. The text carries its number, so each one changes something.
   */
  static JsonObject agendaEdit(int i) {
    String en = ("#" + i + " " + (i % 2 == 0 ? "Rare earth materials and applications expo, hall A. "
        : "Rare earth expo, hall B. ").repeat(80)).substring(0, 2000);
    String zh = (i % 2 == 0 ? "稀土新材料与应用产品博览会甲厅。" : "稀土博览会乙厅。").repeat(250).substring(0, 2000);
    JsonObject text = new JsonObject().put("en", en).put("zh", zh);
    return new JsonObject().put("type", "session.update").put("session", "rare-earth-expo").put("title", text)
        .put("description", text);
  }

  static Sent command(int port, int i, JsonObject body) {
    Map<String, String> headers = Map.of("Content-Type", "application/json",
        "Authorization", "Bearer " + BenchDatabase.TOKEN, "Idempotency-Key", "bench-" + PHASE.get() + "-" + i);
    ready(port);
    long sent = Micros.now();
    long t0 = System.nanoTime();
    PlainHttp.Response response;
    try {
      response = client(port).post(PATH, headers, body.encode());
    } catch (IOException first) {
      response = send(port, PATH, headers, body.encode());
    }
    long took = (System.nanoTime() - t0) / 1000;
    if (response.status() != 200) {
      throw new IllegalStateException("command " + i + " refused: " + response.status() + " " + response.body());
    }
    return new Sent(new JsonObject(response.body()).getLong("version"), sent, took);
  }

  /** The raw server's order to write one frame to every socket; never retried. */
  static Sent blast(int port, long version, int bytes) {
    ready(port);
    long sent = Micros.now();
    long t0 = System.nanoTime();
    send(port, "/blast?version=" + version + "&bytes=" + bytes, Map.of(), "");
    return new Sent(version, sent, (System.nanoTime() - t0) / 1000);
  }

  private static PlainHttp.Response send(int port, String path, Map<String, String> headers, String body) {
    try {
      return client(port).post(path, headers, body);
    } catch (IOException e) {
      throw new IllegalStateException("127.0.0.1:" + port + path + ": " + e, e);
    }
  }

  /** Outside the timed window: the open-connection check itself takes about 1 ms. */
  private static void ready(int port) {
    try {
      client(port).ready();
    } catch (IOException e) {
      throw new IllegalStateException("127.0.0.1:" + port + ": " + e, e);
    }
  }

  private static PlainHttp client(int port) {
    return CLIENTS.computeIfAbsent(port, PlainHttp::new);
  }
}

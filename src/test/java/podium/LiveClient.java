package podium;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test client of /live that records every frame and checks that versions never skip or repeat. */
public final class LiveClient implements AutoCloseable {

  public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  public final List<String> problems = new CopyOnWriteArrayList<>();
  /** When each version's frame arrived, by System.nanoTime(). */
  public final java.util.Map<Long, Long> arrivedAt = new java.util.concurrent.ConcurrentHashMap<>();
  private final WebSocketClient client;
  private WebSocket socket;
  private volatile long version = -1;
  private volatile String epoch;
  private volatile boolean closed;

  private LiveClient(Vertx vertx, WebSocketClientOptions options) {
    this.client = vertx.createWebSocketClient(options);
  }

  public static LiveClient connect(Vertx vertx, int port) {
    return connect(vertx, port, new WebSocketClientOptions());
  }

  public static LiveClient connect(Vertx vertx, int port, WebSocketClientOptions options) {
    return connect(vertx, new WebSocketConnectOptions().setPort(port).setHost("localhost").setURI("/live"), options);
  }

  /** With handshake headers, as a browser sends them: e.g. Cookie and Origin. */
  public static LiveClient connect(Vertx vertx, int port, String... headers) {
    WebSocketConnectOptions connect = new WebSocketConnectOptions().setPort(port).setHost("localhost").setURI("/live");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      connect.addHeader(headers[i], headers[i + 1]);
    }
    return connect(vertx, connect, new WebSocketClientOptions());
  }

  private static LiveClient connect(Vertx vertx, WebSocketConnectOptions connect, WebSocketClientOptions options) {
    LiveClient c = new LiveClient(vertx, options.setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    c.socket = c.client.webSocket()
        .textMessageHandler(c::onFrame)
        .closeHandler(v -> c.closed = true)
        .connect(connect).await();
    return c;
  }

  private void onFrame(String text) {
    long now = System.nanoTime();
    JsonObject f = new JsonObject(text);
    if (f.containsKey("version")) {
      arrivedAt.putIfAbsent(f.getLong("version"), now);
    }
    frames.add(f);
    switch (f.getString("type")) {
      case "welcome" -> {
        if (epoch != null && !epoch.equals(f.getString("epoch"))) {
          version = -1;
        }
        epoch = f.getString("epoch");
      }
      case "snapshot" -> version = f.getLong("version");
      case "change", "skip" -> {
        long v = f.getLong("version");
        if (version >= 0 && v != version + 1) {
          problems.add("got version " + v + " after " + version);
        }
        version = v;
      }
      default -> { }
    }
  }

  public LiveClient send(JsonObject frame) {
    socket.writeTextMessage(frame.encode()).await();
    return this;
  }

  public LiveClient sendText(String text) {
    socket.writeTextMessage(text).await();
    return this;
  }

  public LiveClient hello(JsonObject fields) {
    return send(new JsonObject().put("type", "hello").put("event", TestNode.SLUG).mergeIn(fields));
  }

  /** Says it applied every version up to this one, now: as live.js does, at most once a second. */
  public LiveClient ack(long upTo) {
    return sendText("{\"type\":\"ack\",\"version\":" + upTo + ",\"at\":" + System.currentTimeMillis() + "}");
  }

  public LiveClient hello() {
    return hello(new JsonObject());
  }

  public LiveClient resume(String fromEpoch, long fromVersion) {
    this.epoch = fromEpoch;
    this.version = fromVersion;
    return hello(new JsonObject().put("resume", new JsonObject().put("epoch", fromEpoch).put("version", fromVersion)));
  }

  public long version() {
    return version;
  }

  public String epoch() {
    return epoch;
  }

  public boolean isClosed() {
    return closed;
  }

  public WebSocket socket() {
    return socket;
  }

  /** The first frame, from index from on, that matches; fails the test after the timeout. */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      for (JsonObject f : frames) {
        if (match.test(f)) {
          return f;
        }
      }
      sleep(5);
    }
    throw new AssertionError("no matching frame within " + timeout + "; got " + summary());
  }

  public JsonObject awaitType(String type) {
    return await(f -> type.equals(f.getString("type")), Duration.ofSeconds(10));
  }

  public void awaitVersion(long target, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (version < target && System.nanoTime() < until) {
      sleep(5);
    }
    if (version < target) {
      throw new AssertionError("stuck at version " + version + ", wanted " + target + "; " + summary());
    }
  }

  public List<JsonObject> ofType(String type) {
    List<JsonObject> out = new ArrayList<>();
    frames.stream().filter(f -> type.equals(f.getString("type"))).forEach(out::add);
    return out;
  }

  private String summary() {
    List<String> s = frames.stream().map(f -> f.getString("type") + (f.containsKey("version")
        ? ":" + f.getValue("version") : "") + (f.containsKey("code") ? ":" + f.getString("code") : "")).toList();
    return s.size() > 40 ? s.subList(s.size() - 40, s.size()) + " (last 40 of " + s.size() + ")" : s.toString();
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      socket.close();
    }
    client.close();
  }
}

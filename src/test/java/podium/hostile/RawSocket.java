package podium.hostile;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A WebSocket to /live that sends anything (text, binary, oversized) and keeps every frame and its close. */
final class RawSocket implements AutoCloseable {

  final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final WebSocketClient client;
  private WebSocket socket;
  private volatile boolean closed;

  private RawSocket(WebSocketClient client) {
    this.client = client;
  }

  static RawSocket open(Vertx vertx, int port, String... headers) {
    return from(vertx, port, null, headers);
  }

  /** From a local address of its own (127.0.0.x) when one is given. */
  static RawSocket from(Vertx vertx, int port, String localAddress, String... headers) {
    WebSocketClientOptions options = new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22);
    if (localAddress != null) {
      options.setLocalAddress(localAddress);
    }
    WebSocketClient client = vertx.createWebSocketClient(options);
    WebSocketConnectOptions connect = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/live");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      connect.addHeader(headers[i], headers[i + 1]);
    }
    RawSocket self = new RawSocket(client);
    self.socket = client.webSocket()
        .textMessageHandler(t -> self.frames.add(new JsonObject(t)))
        .closeHandler(v -> self.closed = true)
        .connect(connect).await();
    return self;
  }

  void text(String text) {
    if (!closed) {
      socket.writeTextMessage(text);
    }
  }

  void binary(byte[] bytes) {
    if (!closed) {
      socket.writeBinaryMessage(Buffer.buffer(bytes));
    }
  }

  boolean closed() {
    return closed || socket.isClosed();
  }

  /** The close status the server sent, or null. */
  Short closeCode() {
    return socket.closeStatusCode();
  }

  /** Waits for a frame from index from on that matches; null after the timeout or once closed. */
  JsonObject await(int from, Predicate<JsonObject> match, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    boolean lastLook = false;
    while (true) {
      for (int i = from; i < frames.size(); i++) {
        if (match.test(frames.get(i))) {
          return frames.get(i);
        }
      }
      if (lastLook || System.nanoTime() >= until) {
        return null;
      }
      if (closed()) {
        // A last frame may still be on its way with the close.
        podium.LiveClient.sleep(20);
        lastLook = true;
      } else {
        podium.LiveClient.sleep(1);
      }
    }
  }

  /** Waits until the socket is closed; false after the timeout. */
  boolean awaitClose(Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!closed() && System.nanoTime() < until) {
      podium.LiveClient.sleep(5);
    }
    return closed();
  }

  @Override
  public void close() {
    if (!closed()) {
      socket.close();
    }
    client.close();
  }
}

package podium.live;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;

/** A text frame encoded once and written as it is to every socket that gets it. */
public final class SharedFrame {

  private final String text;

  public SharedFrame(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public Future<Void> writeTo(ServerWebSocket socket) {
    return socket.writeTextMessage(text);
  }
}

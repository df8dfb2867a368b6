package podium.live;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded once, as UTF-8 bytes, and written as it is to every socket that gets it.
 * writeTextMessage(String) would encode the same text again for each socket; wrapping the shared
 * bytes costs one small object per socket and no copy. Vert.x has no public text frame from bytes,
 * hence its frame class here, in this one place.
 */
public final class SharedFrame {

  private final byte[] utf8;

  public SharedFrame(String text) {
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  public Future<Void> writeTo(ServerWebSocket socket) {
    return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true));
  }
}

package podium.live;

import io.vertx.core.http.ServerWebSocket;

/**
 * The plain path: Vert.x's public WebSocket API only, so no Vert.x release can break it short of an
 * API change the compiler sees. It costs more per socket than FastWire: writeTextMessage encodes
 * the text to UTF-8 again and queues a frame object for every socket.
 *
 * <p>Vert.x keeps its own queue in front of the channel: writeQueueFull() turns true once the
 * channel holds more than the bound and Vert.x has some more frames waiting behind it (16 in
 * Vert.x 5.0), so a stalled phone pins at most the bound plus those frames.
 */
final class PlainWire implements Wire {

  private final ServerWebSocket socket;

  PlainWire(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void send(SharedFrame frame) {
    socket.writeTextMessage(frame.text()); // a closed socket fails the future: nothing to do then
  }

  @Override
  public void bound(int bytes) {
    if (!socket.isClosed()) { // it throws on a closed socket
      socket.setWriteQueueMaxSize(bytes);
    }
  }

  /** writeQueueFull() throws once the socket is closed (or a close frame came in): nothing fits then. */
  @Override
  public boolean backedUp() {
    return socket.isClosed() || socket.writeQueueFull();
  }
}

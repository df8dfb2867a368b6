package podium.live;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * The plain path: Vert.x's public WebSocket API, so no Vert.x release can break its writes short
 * of an API change the compiler sees. It costs more per socket than FastWire: writeTextMessage
 * encodes the text to UTF-8 again and queues a frame object for every socket, and each write is
 * counted out and back in to know what waits (the public API only says whether a queue is full).
 *
 * <p>The public API has no way to close a connection ahead of its backlog, so the cut comes from
 * the seam when this node's Vert.x has the internals (see WirePath); without them it is Vert.x's
 * close, which waits behind the backlog, and the node's write-idle timeout ends a socket nothing
 * could be written to for a minute.
 */
final class PlainWire implements Wire {

  private static final Buffer PING = Buffer.buffer("p");

  private final ServerWebSocket socket;
  private final Runnable cutter;
  private long unsent;
  private long written;
  private boolean closed;

  /** cutter: closes the connection at once (FastWire.cutterOf), or null when only Vert.x's close is there. */
  PlainWire(ServerWebSocket socket, Runnable cutter) {
    this.socket = socket;
    this.cutter = cutter;
  }

  @Override
  public void send(SharedFrame frame) {
    if (closed || socket.isClosed()) {
      return;
    }
    int size = frame.size();
    unsent += size;
    written += size;
    // Completes once the bytes are in the kernel, or fails when the socket closed: either way they left the queue.
    socket.writeTextMessage(frame.text()).onComplete(done -> unsent -= size);
  }

  @Override
  public long unsent() {
    return unsent;
  }

  @Override
  public long taken() {
    return written - unsent;
  }

  @Override
  public void ping() {
    if (!closed && !socket.isClosed()) {
      socket.writePing(PING);
    }
  }

  @Override
  public Future<Void> close(short code, String reason) {
    closed = true;
    return socket.close(code, reason);
  }

  @Override
  public void cut() {
    closed = true;
    if (cutter != null) {
      cutter.run();
    } else {
      socket.close();
    }
  }
}

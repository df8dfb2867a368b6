package podium.live;

import io.vertx.core.Future;

/**
 * Everything the hub does to one socket below the WebSocket API: send a ready-made frame, tell how
 * many bytes wait unsent above the kernel, ping, close politely, or cut at once. Every frame
 * Podium sends to a socket goes through its one Wire, so frames keep their order. Call on the
 * socket's own event loop. After close or cut, send and ping do nothing.
 *
 * <p>FastWire writes the shared framed bytes through Vert.x and Netty internals; PlainWire uses
 * Vert.x's public API for everything but the cut. WirePath picks one per node.
 */
interface Wire {

  void send(SharedFrame frame);

  /** Bytes written to this socket that wait above the kernel (the kernel's own buffer not counted). */
  long unsent();

  /** Bytes of Podium's frames the kernel has taken so far: it grows while the peer reads. */
  long taken();

  /** A WebSocket ping control frame; browsers answer it by themselves. */
  void ping();

  /** A close frame behind whatever waits, then the close handshake; completes when the socket closed. */
  Future<Void> close(short code, String reason);

  /**
   * Closes the connection now, not behind its backlog: what waits is dropped, and the kernel resets
   * the connection (SO_LINGER 0) rather than keep its send buffer for a peer that does not read.
   */
  void cut();
}

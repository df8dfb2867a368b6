package podium.live;

/**
 * Everything the hub does to one socket below the WebSocket API: send a ready-made frame, bound
 * what may wait unsent, and tell whether that bound is reached. Every frame Podium sends to a
 * socket goes through its one Wire, so frames keep their order. Call on the socket's own event loop.
 *
 * <p>FastWire writes the shared framed bytes through Vert.x and Netty internals; PlainWire uses
 * Vert.x's public API only. WirePath picks one per node.
 */
interface Wire {

  void send(SharedFrame frame);

  /** At most about this many bytes wait unsent for this socket before it reads as backed up. */
  void bound(int bytes);

  /** True while the bound is reached: the phone is not reading, so it gets no more deltas for now. */
  boolean backedUp();
}

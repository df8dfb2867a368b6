/**
 * The live side: the change feed (LISTEN + catch-up), each event's in-memory read model, the
 * WebSocket protocol and the hub's fan-out, resume ring and backpressure, and the one seam over
 * Vert.x/Netty internals on the socket path.
 *
 * <p>May import {@code podium.event} and {@code podium.store}. Invariants: every client gets every
 * version of its event exactly once and in order (a change, a skip, or a snapshot that covers it);
 * every queue and buffer is bounded; a socket is only written from its own event loop.
 */
package podium.live;

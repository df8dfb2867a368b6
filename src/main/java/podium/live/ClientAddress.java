package podium.live;

import io.vertx.core.net.SocketAddress;

/**
 * Who a client is, as an address, for the limits that count per client (logins, screen pairing,
 * sockets and hellos): its peer, or behind a proxy that sets X-Forwarded-For itself, the first
 * address that header names. The HTTP router resolves the header itself when the node is behind a
 * proxy, so a request's remote address is already the client's.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  /** The peer's host, or "?" when there is none. */
  public static String of(SocketAddress peer) {
    return peer == null || peer.hostAddress() == null ? "?" : peer.hostAddress();
  }

  /** forwardedFor: the X-Forwarded-For header, read only behind a proxy (PODIUM_BEHIND_PROXY). */
  public static String of(SocketAddress peer, String forwardedFor, boolean behindProxy) {
    if (behindProxy && forwardedFor != null && !forwardedFor.isBlank()) {
      return forwardedFor.split(",", 2)[0].trim();
    }
    return of(peer);
  }
}

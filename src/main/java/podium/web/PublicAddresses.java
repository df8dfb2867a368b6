package podium.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where Podium may call on its own (webhooks, Web Push, a followed schedule): hosts whose every
 * address is a public one, not loopback, private, link-local (cloud metadata), carrier-grade NAT,
 * multicast or reserved, nor an IPv6 address that carries such an IPv4 one (NAT64, 6to4,
 * compatible). The check is made before each request, and again for each redirect a followed
 * schedule takes (webhooks and pushes follow none); a name that resolves
 * differently between the check and the connection can still get past it, so a hub that must not
 * reach its own network also needs an egress firewall.
 */
public final class PublicAddresses {

  private PublicAddresses() {
  }

  /** Blocking (DNS): null when the URL's host may be called, else why not. */
  public static String problem(String url, boolean privateAllowed) {
    if (privateAllowed) {
      return null;
    }
    String host = URI.create(url).getHost();
    try {
      for (InetAddress a : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
        if (isPrivate(a)) {
          return "points at a private or local address (" + a.getHostAddress() + ")";
        }
      }
      return null;
    } catch (UnknownHostException e) {
      return "names a host that does not resolve";
    }
  }

  public static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return isPrivate4(b);
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return true; // unique local fc00::/7
    }
    byte[] embedded = embeddedIpv4(b);
    return embedded != null && isPrivate4(embedded);
  }

  /**
   * Every local or private IPv4 range, whole here because an address carried in IPv6 gets none of
   * the JDK's checks: 0/8, loopback, 10/8, 172.16/12, 192.168/16, link-local, multicast and reserved
   * 224/3 (broadcast too), carrier-grade NAT 100.64/10, benchmarking 198.18/15, 192.0.0/24.
   */
  private static boolean isPrivate4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || first == 127 || first == 10 || (first == 172 && second >= 16 && second < 32)
        || (first == 192 && second == 168) || (first == 169 && second == 254) || first >= 224
        || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19))
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
  }

  /**
   * The IPv4 address an IPv6 one carries, or null: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d
   * and 6to4 2002:aabb:ccdd::. On a network that routes them, they reach that IPv4 address.
   */
  private static byte[] embeddedIpv4(byte[] b) {
    boolean zeros96 = true;
    for (int i = 0; i < 12; i++) {
      zeros96 &= b[i] == 0;
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    if (zeros96 || nat64) {
      return Arrays.copyOfRange(b, 12, 16);
    }
    return b[0] == 0x20 && b[1] == 0x02 ? Arrays.copyOfRange(b, 2, 6) : null;
  }
}

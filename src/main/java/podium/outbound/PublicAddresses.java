package podium.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where Podium may send on its own (webhooks, Web Push): hosts whose every address is a public
 * one, not loopback, private, link-local (cloud metadata), carrier-grade NAT or multicast. The
 * check is made before each request and redirects are never followed; a name that resolves
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
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
    }
    return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
  }
}

package podium.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a webhook may point. http or https, a host, no credentials in the URL. Unless private
 * targets are allowed (PODIUM_WEBHOOKS_PRIVATE), every address the host resolves to must be a
 * public one: not loopback, private, link-local (cloud metadata), carrier-grade NAT or multicast.
 * That is checked when it is registered and again before each delivery, and redirects are never
 * followed; a name that resolves differently between the check and the connection can still get
 * past it, so a hub that must not reach its own network also needs an egress firewall.
 */
final class WebhookTargets {

  static final int MAX_URL = 2_000;

  private WebhookTargets() {
  }

  /** The URL's problem, or null when its shape is good. */
  static String shapeProblem(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      return "is required, at most " + MAX_URL + " characters";
    }
    try {
      URI u = new URI(url);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
        return "must be an http:// or https:// URL";
      }
      if (u.getHost() == null || u.getUserInfo() != null || u.getFragment() != null) {
        return "must name a host, with no user:password@ and no #fragment";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
  }

  /** Blocking (DNS): null when the URL may be called, else why not. */
  static String addressProblem(String url, boolean privateAllowed) {
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

  static boolean isPrivate(InetAddress a) {
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

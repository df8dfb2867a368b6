package podium.live;

import java.net.URI;

/** Whether a browser's Origin header names the host it sent the request to. */
public final class Origins {

  private Origins() {
  }

  /** No Origin at all passes (non-browser clients, some same-origin GETs); a foreign one never. */
  public static boolean sameHost(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost() + ":" + defaultPort(uri))
          || authority != null && authority.equalsIgnoreCase(host.replaceFirst(":(80|443)$", ""));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static int defaultPort(URI uri) {
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }
}

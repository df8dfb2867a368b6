package podium.outbound;

import podium.web.PublicAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import podium.event.ErrorCode;

/**
 * Where a push request may go: an https URL with a host, no user:password@ and no #fragment,
 * whose host resolves to public addresses only (PublicAddresses, the rule webhooks follow too).
 * With private endpoints allowed (tests), http and loopback or private addresses pass.
 */
public final class PushEndpoints {

  public static final int MAX_URL = 2_000;

  private PushEndpoints() {
  }

  /** The URL's problem, or null when its shape is good. */
  public static String shapeProblem(String url, boolean privateEndpoints) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      return "is required, at most " + MAX_URL + " characters";
    }
    try {
      URI u = new URI(url);
      boolean http = "http".equals(u.getScheme()) && privateEndpoints;
      if (!"https".equals(u.getScheme()) && !http) {
        return privateEndpoints ? "must be an http:// or https:// URL" : "must be an https:// URL";
      }
      if (u.getHost() == null || u.getUserInfo() != null || u.getFragment() != null) {
        return "must name a host, with no user:password@ and no #fragment";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
  }

  /** Blocking (DNS): null when the endpoint may be called, else the refusal. */
  public static PushSubscription.Refused addressRefusal(String url, boolean privateEndpoints) {
    String problem = PublicAddresses.problem(url, privateEndpoints);
    return problem == null ? null
        : new PushSubscription.Refused(ErrorCode.PUSH_ENDPOINT_REFUSED, "endpoint", "'endpoint' " + problem);
  }
}

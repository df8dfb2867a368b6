package podium.outbound;

import podium.web.PublicAddresses;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a webhook may point. http or https, a host, no credentials in the URL. Unless private
 * targets are allowed (PODIUM_WEBHOOKS_PRIVATE), every address the host resolves to must be a
 * public one ({@link PublicAddresses}, the rule Web Push shares). That is checked when it is
 * registered and again before each delivery, and redirects are never followed.
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

  /** Blocking (DNS): null when the URL may be called, else why not (the rule Web Push shares). */
  static String addressProblem(String url, boolean privateAllowed) {
    return PublicAddresses.problem(url, privateAllowed);
  }
}

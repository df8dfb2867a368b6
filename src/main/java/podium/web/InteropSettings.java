package podium.web;

/**
 * How a node's exports and webhooks are set up. publicUrl: the address attendees and other
 * systems reach the hub at (PODIUM_PUBLIC_URL), used in links inside exports; null means
 * http://localhost:{port}. privateTargets: whether webhooks may point at loopback or private
 * addresses (PODIUM_WEBHOOKS_PRIVATE; off by default, against SSRF). firstRetryMs and pauseAfter:
 * a failed delivery is tried again after firstRetryMs, doubling each time, and the endpoint is
 * paused after pauseAfter failures in a row.
 */
public record InteropSettings(String publicUrl, boolean privateTargets, long firstRetryMs, int pauseAfter) {

  public static final InteropSettings DEFAULTS = new InteropSettings(null, false, 1_000, 10);

  /** The public address without a trailing slash. */
  String base(int port) {
    String url = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

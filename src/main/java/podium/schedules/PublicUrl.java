package podium.schedules;

/**
 * The address attendees and other systems reach the hub at (PODIUM_PUBLIC_URL), used in links
 * inside exports and calendar subscriptions; null means http://localhost:{port}.
 */
public record PublicUrl(String url) {

  public static final PublicUrl UNSET = new PublicUrl(null);

  boolean set() {
    return url != null && !url.isBlank();
  }

  /** The public address without a trailing slash. */
  String base(int port) {
    String u = set() ? url.strip() : "http://localhost:" + port;
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}

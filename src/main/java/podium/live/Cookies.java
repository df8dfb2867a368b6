package podium.live;

/** Reads one cookie from a Cookie header, as a WebSocket handshake brings it (no router has parsed it). */
public final class Cookies {

  /** The staff login cookie: web sets it at login, the staff channel reads it from the handshake. */
  public static final String SESSION = "podium_session";

  private Cookies() {
  }

  static String value(String header, String name) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
        return part.substring(eq + 1).trim();
      }
    }
    return null;
  }
}

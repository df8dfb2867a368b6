package podium.bench;

/**
 * Reads a top-level field of a server frame without parsing the JSON: the hub writes "type",
 * "version" and "epoch" before any nested object, so the first match is the frame's own field.
 * Parsing every frame in full would charge the generators' CPU to the machine the hub shares.
 */
final class Scan {

  private Scan() {
  }

  /** Where a frame's own fields end at the latest: "type", "version", "epoch" come first. */
  static final int HEAD_BYTES = 160;

  /**
   * The first bytes of a frame as text (its fields are ASCII), or null when it does not start a
   * message (the continuation of one the plain wire split).
   */
  static String head(io.vertx.core.buffer.Buffer data) {
    int n = Math.min(HEAD_BYTES, data.length());
    String head = data.getString(0, n, "ISO-8859-1");
    return head.startsWith("{\"type\":\"") ? head : null;
  }

  static String text(String frame, String key) {
    String marker = "\"" + key + "\":\"";
    int at = frame.indexOf(marker);
    if (at < 0) {
      return null;
    }
    int from = at + marker.length();
    int end = frame.indexOf('"', from);
    return end < 0 ? null : frame.substring(from, end);
  }

  static long number(String frame, String key) {
    String marker = "\"" + key + "\":";
    int at = frame.indexOf(marker);
    if (at < 0) {
      return -1;
    }
    long n = 0;
    boolean any = false;
    for (int i = at + marker.length(); i < frame.length(); i++) {
      char c = frame.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      n = n * 10 + (c - '0');
      any = true;
    }
    return any ? n : -1;
  }
}

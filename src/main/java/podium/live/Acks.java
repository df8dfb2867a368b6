package podium.live;

/**
 * Reads an ack frame, {"type":"ack","version":N,"at":T}, in the exact form live.js sends it,
 * without a JSON parser: acks are most of what clients send. Anything else answers null and takes
 * the ordinary way (where a malformed ack gets its error).
 */
final class Acks {

  private static final String START = "{\"type\":\"ack\",\"version\":";
  private static final String AT = ",\"at\":";

  private Acks() {
  }

  /** {version, at}, or null when the text is not exactly such a frame. */
  static long[] read(String text) {
    if (!text.startsWith(START) || !text.endsWith("}") || text.length() > 80) {
      return null;
    }
    int at = text.indexOf(AT, START.length());
    if (at < 0) {
      return null;
    }
    long version = digits(text, START.length(), at);
    long time = digits(text, at + AT.length(), text.length() - 1);
    return version < 0 || time < 0 ? null : new long[] {version, time};
  }

  private static long digits(String text, int from, int to) {
    if (to <= from || to - from > 18) {
      return -1;
    }
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}

package podium.web;

/** What a request asks of an answer's form: a cached copy it still has (ETag), or gzip. */
public final class Negotiation {

  private Negotiation() {
  }

  /** If-None-Match by weak comparison (RFC 9110 13.1.2): either encoding's tag, or a list of them. */
  public static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether Accept-Encoding names gzip (or *) without q=0. */
  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] bits = part.trim().split(";");
      String coding = bits[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < bits.length; i++) {
        String p = bits[i].trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (p.startsWith("q=")) {
          try {
            refused = Double.parseDouble(p.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }
}

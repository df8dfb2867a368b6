package podium.interop;

/**
 * Folds iCalendar content lines as RFC 5545 §3.1 asks: at most 75 octets of UTF-8 a line, the
 * line break not counted, and never inside a character. biweekly's writer (vinnie's
 * FoldedLineWriter) counts UTF-16 chars instead, and lets a line run past the limit to keep a
 * space on it, so a Chinese DESCRIPTION came out at up to 225 octets a line.
 */
final class CalendarLines {

  static final int MAX_OCTETS = 75;
  private static final String FOLD = "\r\n ";

  private CalendarLines() {
  }

  /** The text with every line over the limit folded: CRLF and one space before the rest (which counts). */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
    int octets = 0;
    for (int i = 0; i < unfolded.length();) {
      int c = unfolded.codePointAt(i);
      int chars = Character.charCount(c);
      if (c == '\r' || c == '\n') {
        octets = 0;
      } else {
        int size = utf8Octets(c);
        if (octets + size > MAX_OCTETS) {
          out.append(FOLD);
          octets = 1;
        }
        octets += size;
      }
      out.append(unfolded, i, i + chars);
      i += chars;
    }
    return out.toString();
  }

  private static int utf8Octets(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}

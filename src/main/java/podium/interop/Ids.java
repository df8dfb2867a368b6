package podium.interop;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Podium ids are lowercase [a-z0-9-], at most 64 long. Ids for imported things are made from what
 * the file has (a slug, a name, a guid), the same way every time, and kept unique with "-2", "-3".
 */
final class Ids {

  static final int MAX = 64;

  private final Set<String> taken = new HashSet<>();

  /** Lowercase ASCII letters and digits with single dashes between: "Sub-forum Ä" → "sub-forum-a"; "" if none. */
  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return cut(plain, MAX);
  }

  /** Keeps an id that is taken already (matched by guid or name) for its old owner. */
  boolean reserve(String id) {
    return taken.add(id);
  }

  /** The first candidate that slugs to something, made unique; fallback (e.g. "session-12") if none does. */
  String claim(String fallback, String... candidates) {
    String base = fallback;
    for (String c : candidates) {
      String s = slug(c);
      if (!s.isEmpty()) {
        base = s;
        break;
      }
    }
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      String suffix = "-" + n;
      id = cut(base, MAX - suffix.length()) + suffix;
    }
    return id;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max).replaceAll("-+$", "");
  }
}

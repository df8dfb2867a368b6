package podium.interop;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import podium.event.Text;

/**
 * Podium text is {"en","zh"}; other tools write one language, or (pretalx) an object of many. A
 * single string goes to the language the file says it is in, or else to Chinese when it holds Han
 * characters and to English otherwise; the other language stays empty and shows the same text.
 * From an object, "en…" keys give English and "zh…" keys Chinese; with no English, the first
 * other language stands in for it. docs/FORMATS.md, "Languages".
 */
final class Bilingual {

  private Bilingual() {
  }

  /** language: the file's language tag for this text ("zh-CN", "de"), or null when it says none. */
  static Text of(Object value, String language) {
    if (value instanceof String s) {
      return single(s.strip(), language);
    }
    if (value instanceof JsonObject o) {
      return of(o.getMap());
    }
    if (value instanceof Map<?, ?> m) {
      return of(m);
    }
    return value == null ? Text.EMPTY : single(String.valueOf(value), language);
  }

  private static Text single(String s, String language) {
    if (s.isEmpty()) {
      return Text.EMPTY;
    }
    String lang = tag(language);
    boolean chinese = "zh".equals(lang) || (lang == null && hasHan(s));
    return chinese ? new Text("", s) : new Text(s, "");
  }

  private static Text of(Map<?, ?> byLanguage) {
    String en = null;
    String zh = null;
    String other = null;
    for (Map.Entry<?, ?> e : byLanguage.entrySet()) {
      if (!(e.getValue() instanceof String s) || s.isBlank()) {
        continue;
      }
      String lang = tag(String.valueOf(e.getKey()));
      if ("en".equals(lang) && en == null) {
        en = s.strip();
      } else if ("zh".equals(lang) && zh == null) {
        zh = s.strip();
      } else if (other == null) {
        other = s.strip();
      }
    }
    return new Text(en != null ? en : other, zh);
  }

  /** "en", "zh", or null for any other or no language. */
  static String tag(String language) {
    if (language == null) {
      return null;
    }
    String l = language.trim().toLowerCase(Locale.ROOT);
    if (l.equals("en") || l.startsWith("en-") || l.startsWith("en_")) {
      return "en";
    }
    if (l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_")) {
      return "zh";
    }
    return null;
  }

  static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}

package podium.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid inputs: type confusion, missing and extra fields, huge numbers,
 * unicode, nulls, deep nesting and truncation. The same seed gives the same inputs, so a failure
 * reproduces from the seed the test prints.
 */
final class Mutations {

  /** Strings that have broken parsers, queries, headers and pages elsewhere. */
  static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "'", "\"", "\\", "';--",
      "' or '1'='1", "\" or 1=1 --", "1; select pg_sleep(3)--", "x' union select token_hash from api_tokens--",
      "$1", "%00", "%s%n%x", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../../../etc/passwd", "..%2f..%2fpom.xml",
      "<script>window.__xss=1</script>", "\"><img src=x onerror=window.__xss=1>", "\r\nSet-Cookie: evil=1",
      "a\rb\nc", "\uD800", "\uDFFF\uD800", "\uFEFF", "\u202Eevil", "\u200B", "😀𝕏", "العربية", "日本語テキスト",
      "null", "true", "-1", "0", "NaN", "Infinity", "1e999", "9".repeat(400), "{}", "[]", "*", "?", "#",
      "baotou-2023", "BAOTOU-2023", " baotou-2023 ", "admin", "main-hall", "x".repeat(65), "x".repeat(2001),
      "é".repeat(1500), "\t\n", "A".repeat(129));

  private final Random random;

  Mutations(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  String string() {
    return chance(0.85) ? pick(STRINGS) : randomUnicode(1 + random.nextInt(40));
  }

  /** Any code points, surrogates and controls included. */
  String randomUnicode(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      s.append((char) (switch (kind) {
        case 0 -> 0x20 + random.nextInt(0x5f);
        case 1 -> random.nextInt(0x20);
        case 2 -> 0xD800 + random.nextInt(0x800);
        default -> random.nextInt(0xFFFF);
      }));
    }
    return s.toString();
  }

  /** A value of any JSON kind, or a hostile one of the right kind. */
  Object value() {
    return switch (random.nextInt(16)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> pick(List.of(0, -1, 1, 50, 51, 720, 721, Integer.MAX_VALUE, Integer.MIN_VALUE));
      case 3 -> pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, -(1L << 53) - 1));
      case 4 -> new BigInteger("9".repeat(1 + random.nextInt(60)));
      case 5 -> pick(List.of(1e308, -1e308, 1.5, -0.0, 4.9e-324, 0.1, 59.999));
      case 6 -> new JsonArray();
      case 7 -> new JsonArray().add(string()).add(random.nextInt()).addNull();
      case 8 -> new JsonObject();
      case 9 -> new JsonObject().put("en", string()).put("zh", string());
      case 10 -> new JsonObject().put("en", random.nextInt()).put("xx", string());
      case 11 -> nested(1 + random.nextInt(60));
      default -> string();
    };
  }

  /** {"a":{"a":…}} to a depth that a parser still accepts. */
  Object nested(int depth) {
    Object v = string();
    for (int i = 0; i < depth; i++) {
      v = random.nextBoolean() ? new JsonObject().put("a", v) : new JsonArray().add(v);
    }
    return v;
  }

  /** One to three changes to a valid body; the type may change into any of types. */
  JsonObject mutate(JsonObject valid, List<String> types) {
    JsonObject body = valid.copy();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      List<String> names = new ArrayList<>(body.fieldNames());
      String name = names.isEmpty() ? "type" : pick(names);
      switch (random.nextInt(9)) {
        case 0 -> body.remove(name);
        case 1 -> body.put(chance(0.5) ? pick(List.of("expectedVersion", "token", "resume", "channels", "__proto__",
            "constructor", "type ", "Type")) : randomUnicode(5), value());
        case 2, 3 -> body.put(name, value());
        case 4 -> body.put("type", types.isEmpty() ? string() : pick(types));
        case 5 -> body.put(name, new JsonArray().add(body.getValue(name)));
        case 6 -> body.put(name, new JsonObject().put("en", body.getValue(name)));
        case 7 -> body.put(name, body.getValue(name) instanceof String s ? s + string() : string());
        default -> body.put(name, body.getValue(name) instanceof Number ? value() : random.nextInt(1000) - 500);
      }
    }
    return body;
  }

  /** The body as text, sometimes spoiled: truncated, a duplicate key, garbage around it, deep brackets. */
  String text(JsonObject body) {
    String s = body.encode();
    return switch (random.nextInt(12)) {
      case 0 -> s.substring(0, random.nextInt(Math.max(1, s.length())));
      case 1 -> s.length() > 1 ? "{\"type\":" + encodeValue(string()) + "," + s.substring(1) : s;
      case 2 -> s + pick(List.of("}", "]", ",", " x", "\u0000", "{}"));
      case 3 -> "\uFEFF" + s;
      case 4 -> deep(100 + random.nextInt(3000));
      case 5 -> flip(s);
      default -> s;
    };
  }

  /** Bytes for an HTTP body: the text, or now and then bytes that are not UTF-8 at all. */
  byte[] bytes(JsonObject body) {
    byte[] b = text(body).getBytes(StandardCharsets.UTF_8);
    if (chance(0.05) && b.length > 0) {
      b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return b;
  }

  String deep(int depth) {
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
  }

  private String flip(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char[] c = s.toCharArray();
    int i = random.nextInt(c.length);
    c[i] = pick(List.of('"', '{', '}', ':', ',', '\\', '\u0000', 'x'));
    return new String(c);
  }

  private static String encodeValue(Object v) {
    return new JsonArray().add(v).encode().replaceAll("^\\[|\\]$", "");
  }
}

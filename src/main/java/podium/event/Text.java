package podium.event;

import io.vertx.core.json.JsonObject;

/** Text that people read, in English and Chinese; either falls back to the other when missing. */
public record Text(String en, String zh) {

  public static final int MAX_LENGTH = 2000;
  public static final Text EMPTY = new Text("", "");

  public Text {
    en = en == null ? "" : en;
    zh = zh == null ? "" : zh;
  }

  public boolean isBlank() {
    return en.isBlank() && zh.isBlank();
  }

  public String in(String lang) {
    String first = "zh".equals(lang) ? zh : en;
    return first.isBlank() ? ("zh".equals(lang) ? en : zh) : first;
  }

  public JsonObject toJson() {
    return new JsonObject().put("en", en).put("zh", zh);
  }

  public static Text fromJson(JsonObject json) {
    return json == null ? EMPTY : new Text(json.getString("en"), json.getString("zh"));
  }

  /** Accepts {"en","zh"} or a plain string (taken as both languages); refuses anything else. */
  public static Text parse(Object value, String field) {
    Text text;
    if (value == null) {
      return EMPTY;
    } else if (value instanceof String s) {
      text = new Text(s, s);
    } else if (value instanceof JsonObject o && onlyLanguageKeys(o)) {
      text = new Text(o.getValue("en") instanceof String en ? en : null, o.getValue("zh") instanceof String zh ? zh : null);
      if ((o.containsKey("en") && !(o.getValue("en") instanceof String))
          || (o.containsKey("zh") && !(o.getValue("zh") instanceof String))) {
        throw CommandRejected.invalidField(field, "must be a string or {\"en\",\"zh\"} strings");
      }
    } else {
      throw CommandRejected.invalidField(field, "must be a string or {\"en\",\"zh\"} strings");
    }
    if (text.en.length() > MAX_LENGTH || text.zh.length() > MAX_LENGTH) {
      throw CommandRejected.invalidField(field, "is longer than " + MAX_LENGTH + " characters");
    }
    return new Text(text.en.strip(), text.zh.strip());
  }

  private static boolean onlyLanguageKeys(JsonObject o) {
    return o.fieldNames().stream().allMatch(k -> k.equals("en") || k.equals("zh"));
  }
}

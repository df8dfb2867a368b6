package podium.event;

import io.vertx.core.json.JsonObject;

/** A paired display: where it hangs, what it shows and in which languages. Staff-only state. */
public record Screen(String id, Text name, String room, Layout layout, Lang lang) {

  /**
   * What a screen shows: one room's now and next, the stage's speaker, every room at once, or the
   * speaker timer (the confidence monitor at the stage's edge: time left, the crew's message).
   */
  public enum Layout { ROOM, STAGE, FOYER, TIMER }

  /** Which languages, the first one large. */
  public enum Lang {
    ZH_EN, EN_ZH, ZH, EN;

    /** Spelled with a dash, as in URLs: "zh-en". */
    public String wire() {
      return Spelling.of(this).replace('_', '-');
    }

    /** The languages spelled so, or null. */
    public static Lang parse(String wire) {
      return wire == null ? null : Spelling.parse(Lang.class, wire.replace('-', '_'));
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("screen", id).put("name", name.toJson()).put("room", room)
        .put("layout", Spelling.of(layout)).put("lang", lang.wire());
  }

  public static Screen fromJson(JsonObject j) {
    return new Screen(j.getString("screen"), Text.fromJson(j.getJsonObject("name")), j.getString("room"),
        Spelling.parse(Layout.class, j.getString("layout")), Lang.parse(j.getString("lang", "zh-en")));
  }
}

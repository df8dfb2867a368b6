package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * Touched entities as JSON, under the keys that docs/PROTOCOL.md's "Applying a change" names, for an
 * audience: awards and results as it may see them, screens for staff only. An undo carries its
 * restored entities so; the change log keeps each change's "before" so.
 */
public final class TouchedCodec {

  private TouchedCodec() {
  }

  public static JsonObject encode(Touched t, Audience audience) {
    JsonObject j = new JsonObject();
    put(j, "sessions", t.sessions(), Session::toJson);
    put(j, "rooms", t.rooms(), Room::toJson);
    put(j, "speakers", t.speakers(), Speaker::toJson);
    put(j, "announcements", t.announcements(), Announcement::toJson);
    if (!t.clearedAnnouncements().isEmpty()) {
      j.put("clearedAnnouncements", new JsonArray(t.clearedAnnouncements()));
    }
    if (t.noticeSet()) {
      j.put("notice", t.notice() == null ? null : t.notice().toJson());
    }
    put(j, "results", t.results().stream().filter(r -> audience == Audience.EMBARGO || r.revealed()).toList(),
        Award.Result::toJson);
    put(j, "awards", t.awards(), a -> a.toJson(audience));
    if (audience.sees(Audience.STAFF)) {
      put(j, "screens", t.screens(), Screen::toJson);
      put(j, "cues", t.cues(), Cue::toJson);
      if (!t.removedCues().isEmpty()) {
        j.put("removedCues", new JsonArray(t.removedCues()));
      }
    }
    return t.event() == null ? j : j.put("event", t.event().toJson());
  }

  public static Touched decode(JsonObject j) {
    return new Touched(list(j, "sessions", Session::fromJson), list(j, "rooms", Room::fromJson),
        list(j, "speakers", Speaker::fromJson), list(j, "announcements", Announcement::fromJson),
        j.getJsonArray("clearedAnnouncements", new JsonArray()).stream().map(String.class::cast).toList(),
        j.containsKey("notice"), Notice.fromJson(j.getJsonObject("notice")), list(j, "results", Award.Result::fromJson),
        list(j, "awards", Award::fromJson), list(j, "screens", Screen::fromJson),
        j.containsKey("event") ? Event.fromJson(j.getJsonObject("event")) : null, list(j, "cues", Cue::fromJson),
        j.getJsonArray("removedCues", new JsonArray()).stream().map(String.class::cast).toList());
  }

  private static <T> void put(JsonObject j, String key, List<T> items, Function<T, JsonObject> write) {
    if (!items.isEmpty()) {
      j.put(key, new JsonArray(items.stream().map(write).toList()));
    }
  }

  static <T> List<T> list(JsonObject j, String key, Function<JsonObject, T> read) {
    JsonArray a = j.getJsonArray(key);
    return a == null ? List.of() : a.stream().map(o -> read.apply((JsonObject) o)).toList();
  }
}

package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;

/** Writes the live agenda as a frab/C3VOC schedule.json (https://c3voc.de/schedule/schema.json). */
public final class ScheduleJson {

  private ScheduleJson() {
  }

  /** lang: "en" or "zh"; base: the hub's public address, without a trailing slash. */
  public static String write(PublicAgenda view, long version, String lang, String base, String generatorVersion) {
    FrabLayout l = new FrabLayout(view, version, lang, base);
    List<FrabLayout.Day> days = l.days();
    JsonObject conference = new JsonObject().put("acronym", l.acronym())
        .put("title", l.agenda.event().title().in(lang))
        .put("start", days.isEmpty() ? "" : days.get(0).date().toString())
        .put("end", days.isEmpty() ? "" : days.get(days.size() - 1).date().toString())
        .put("daysCount", days.size()).put("timeslot_duration", "00:05")
        .put("url", base + "/?event=" + l.slug())
        .put("rooms", new JsonArray(l.agenda.rooms().stream().map(r -> room(l, r)).toList()))
        .put("days", new JsonArray(days.stream().map(d -> day(l, d)).toList()));
    if (l.zoneName() != null) {
      conference.put("time_zone_name", l.zoneName());
    }
    JsonObject schedule = new JsonObject().put("url", base + "/api/events/" + l.slug() + "/schedule.json")
        .put("version", String.valueOf(version)).put("base_url", base + "/").put("conference", conference);
    return new JsonObject().put("$schema", "https://c3voc.de/schedule/schema.json")
        .put("generator", new JsonObject().put("name", "Podium").put("version", generatorVersion))
        .put("schedule", schedule).encode();
  }

  private static JsonObject room(FrabLayout l, Room r) {
    JsonObject room = new JsonObject().put("name", l.roomName(r.id())).put("guid", l.guid(r))
        .put("type", SessionTypes.frabRoomType(r));
    // The schema's slug needs two characters or more; the import takes the room id back from it.
    return r.id().length() >= 2 ? room.put("slug", r.id()) : room;
  }

  private static JsonObject day(FrabLayout l, FrabLayout.Day d) {
    JsonObject rooms = new JsonObject();
    for (Map.Entry<Room, List<Session>> e : d.rooms().entrySet()) {
      rooms.put(l.roomName(e.getKey().id()), new JsonArray(e.getValue().stream().map(s -> event(l, s)).toList()));
    }
    return new JsonObject().put("index", d.index()).put("date", d.date().toString())
        .put("day_start", d.start().format(FrabLayout.TIME)).put("day_end", d.end().format(FrabLayout.TIME))
        .put("rooms", rooms);
  }

  private static JsonObject event(FrabLayout l, Session s) {
    return new JsonObject().put("guid", l.guid(s)).put("id", l.number(s)).put("date", l.date(s))
        .put("start", l.startOfDay(s)).put("end", l.end(s)).put("duration", l.duration(s))
        .put("room", l.roomName(s.room())).put("slug", l.sessionSlug(s)).put("url", l.url(s))
        .put("title", l.title(s)).put("subtitle", l.subtitle(s)).putNull("track").put("type", spelling(s))
        .put("language", l.language(s.title())).put("abstract", s.description().in(l.lang))
        .put("persons", new JsonArray(l.speakers(s).stream().map(p -> person(l, p)).toList()))
        .put("links", new JsonArray());
  }

  /** pretalx's person shape (name), with frab's integer id: the schema takes exactly one of the two shapes. */
  private static JsonObject person(FrabLayout l, Speaker p) {
    return new JsonObject().put("id", l.number(p)).put("guid", l.guid(p)).put("name", p.name().in(l.lang));
  }

  static String spelling(Session s) {
    return podium.event.Spelling.of(s.type());
  }
}

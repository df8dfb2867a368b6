package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import podium.event.Text;

/** Reads a frab/C3VOC schedule.json (frab, pretalx, the C3VOC tools, Podium's own export) into a Draft. */
final class FrabJsonReader {

  private final Problems problems;

  FrabJsonReader(Problems problems) {
    this.problems = problems;
  }

  Draft read(JsonObject doc) {
    JsonObject schedule = object(doc, "schedule", "file");
    JsonObject conf = object(schedule, "conference", "schedule");
    JsonObject generator = doc.getValue("generator") instanceof JsonObject g ? g : new JsonObject();
    String made = string(generator, "name", "generator");
    String version = string(generator, "version", "generator");
    List<Draft.Room> rooms = new ArrayList<>();
    for (JsonObject r : objects(conf, "rooms", "conference")) {
      Text name = Bilingual.of(r.getValue("name"), null);
      String key = r.getValue("name") instanceof String s ? s.strip() : name.in("en");
      rooms.add(new Draft.Room(key, name, string(r, "slug", "room '" + key + "'"), string(r, "type", "room")));
    }
    List<Draft.Day> days = new ArrayList<>();
    List<Draft.Item> sessions = new ArrayList<>();
    List<JsonObject> dayDocs = objects(conf, "days", "conference");
    for (int i = 0; i < dayDocs.size(); i++) {
      JsonObject d = dayDocs.get(i);
      String where = "day " + (i + 1);
      Draft.Day day = new Draft.Day(i + 1, date(d, where), begins(string(d, "day_start", where)));
      days.add(day);
      Object byRoom = d.getValue("rooms");
      if (byRoom != null && !(byRoom instanceof JsonObject)) {
        problems.add(where, "rooms", "must be an object of room name to sessions");
        continue;
      }
      for (Map.Entry<String, Object> room : byRoom == null ? List.<Map.Entry<String, Object>>of()
          : ((JsonObject) byRoom)) {
        if (!(room.getValue() instanceof JsonArray list)) {
          problems.add(where, "rooms." + room.getKey(), "must be a list of sessions");
          continue;
        }
        for (Object e : list) {
          if (e instanceof JsonObject event) {
            sessions.add(item(event, day, room.getKey(), sessions.size() + 1));
          } else {
            problems.add(where, "rooms." + room.getKey(), "holds something that is not a session");
          }
        }
      }
    }
    return new Draft(made == null ? null : version == null ? made : made + " " + version,
        string(conf, "acronym", "conference"), Bilingual.of(conf.getValue("title"), null),
        string(conf, "time_zone_name", "conference"), days, rooms, sessions);
  }

  private Draft.Item item(JsonObject e, Draft.Day day, String roomKey, int n) {
    String language = e.getValue("language") instanceof String l ? l : null;
    Text title = Bilingual.of(e.getValue("title"), language);
    String guid = string(e, "guid", "session");
    String where = Where.session(title, guid, n);
    List<Draft.Person> persons = new ArrayList<>();
    for (JsonObject p : objects(e, "persons", where)) {
      Object name = p.getValue("name") != null ? p.getValue("name") : p.getValue("public_name");
      Text text = Bilingual.of(name, null);
      if (text.isBlank()) {
        problems.add(where, "persons", "names a person without 'name' or 'public_name'");
        continue;
      }
      String key = first(string(p, "guid", where), string(p, "code", where), string(p, "id", where));
      persons.add(new Draft.Person(key == null ? "name:" + text.in("en") : key, text));
    }
    Text abstractText = Bilingual.of(e.getValue("abstract"), language);
    Text description = Bilingual.of(e.getValue("description"), language);
    String room = e.getValue("room") instanceof String r && !r.isBlank() ? r.strip() : roomKey;
    return new Draft.Item(where, guid, string(e, "id", where), string(e, "slug", where), string(e, "code", where),
        title, Where.join(abstractText, description), string(e, "type", where), room, string(e, "date", where),
        string(e, "start", where), day, string(e, "duration", where), string(e, "end", where), persons);
  }

  private LocalDate date(JsonObject d, String where) {
    String text = string(d, "date", where);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(where, "date", "'" + text + "' is not a date such as 2023-08-16");
      return null;
    }
  }

  /** The local time a day begins, from day_start ("2023-12-27T04:00:00+01:00"); null if none. */
  static LocalTime begins(String dayStart) {
    try {
      return dayStart == null ? null : OffsetDateTime.parse(dayStart).toLocalTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private JsonObject object(JsonObject parent, String key, String where) {
    Object v = parent.getValue(key);
    if (v instanceof JsonObject o) {
      return o;
    }
    problems.add(where, key, v == null ? "is missing" : "must be an object");
    problems.refuseIfAny();
    return null;
  }

  private List<JsonObject> objects(JsonObject parent, String key, String where) {
    Object v = parent.getValue(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a) || !a.stream().allMatch(JsonObject.class::isInstance)) {
      problems.add(where, key, "must be a list of objects");
      return List.of();
    }
    return a.stream().map(JsonObject.class::cast).toList();
  }

  /** A string or a number as text; null when absent, blank or null; a problem for anything else. */
  private String string(JsonObject o, String key, String where) {
    Object v = o.getValue(key);
    if (v instanceof String s) {
      return s.isBlank() ? null : s.strip();
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    if (v != null && !(v instanceof JsonObject)) {
      problems.add(where, key, "must be text");
    }
    return v instanceof JsonObject t ? Bilingual.of(t, null).in("en") : null;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}

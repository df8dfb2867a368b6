package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import podium.event.Agenda;
import podium.event.AgendaImport;
import podium.event.EventClock;
import podium.event.Session;
import podium.event.Spelling;

/**
 * The Podium agenda document (the demo's seed format, docs/FORMATS.md): every field is checked
 * here, so a refusal names the session and the field; event/AgendaImport then reads it.
 */
final class PodiumDocument {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final Problems problems = new Problems();

  /** importedAt: when a simulated clock the document asks for starts running. */
  Agenda read(JsonObject doc, String slug, java.time.Instant importedAt) {
    JsonObject copy = doc.copy().put("slug", slug);
    check(copy);
    problems.refuseIfAny();
    try {
      return AgendaImport.read(copy, importedAt);
    } catch (RuntimeException e) {
      throw ScheduleRefused.of("file", "*", e.getMessage());
    }
  }

  List<String> warnings() {
    return problems.warnings();
  }

  private void check(JsonObject doc) {
    texts(doc, "event", "title", "venue");
    for (String required : new String[] {"days", "rooms", "sessions"}) {
      if (!(doc.getValue(required) instanceof JsonArray)) {
        problems.add("event", required, "is required, as a list");
      }
    }
    try {
      ZoneId.of(doc.getValue("timeZone") instanceof String z ? z : "");
    } catch (DateTimeException e) {
      problems.add("event", "timeZone", "must be a time zone such as Asia/Shanghai");
    }
    clock(doc.getValue("clock"));
    for (Object d : list(doc, "days", "event")) {
      try {
        LocalDate.parse((String) d);
      } catch (RuntimeException e) {
        problems.add("event", "days", "must be dates such as 2023-08-16");
      }
    }
    Set<String> rooms = ids(doc, "rooms", "room");
    for (JsonObject r : objects(doc, "rooms")) {
      texts(r, "room '" + r.getValue("id") + "'", "name");
      if (!(r.getValue("kind") instanceof String)) {
        problems.add("room '" + r.getValue("id") + "'", "kind", "is required: hall, forum or expo");
      }
    }
    Set<String> speakers = ids(doc, "speakers", "speaker");
    objects(doc, "speakers").forEach(s -> texts(s, "speaker '" + s.getValue("id") + "'", "name", "title", "affiliation"));
    Set<String> sessions = ids(doc, "sessions", "session");
    for (JsonObject s : objects(doc, "sessions")) {
      session(s, rooms, speakers);
    }
    ids(doc, "awards", "award");
    for (JsonObject a : objects(doc, "awards")) {
      String where = "award '" + a.getValue("id") + "'";
      texts(a, where, "name");
      if (!sessions.contains(a.getValue("session"))) {
        problems.add(where, "session", "names no session of the document");
      }
      Set<String> nominees = ids(a, "nominees", where + " nominee");
      for (JsonObject r : objects(a, "results")) {
        if (!(r.getValue("rank") instanceof Integer rank) || rank < 1 || !nominees.contains(r.getValue("nominee"))) {
          problems.add(where, "results", "need a rank from 1 and one of the award's nominees");
        }
      }
    }
  }

  /** Optional: {"mode": "simulated", "startsAt": venue-local time, "speed": 0.5 to 60, "paused"}, or "real". */
  private void clock(Object value) {
    if (value == null || (value instanceof JsonObject c && "real".equals(c.getValue("mode")))) {
      return;
    }
    if (!(value instanceof JsonObject c) || !"simulated".equals(c.getValue("mode"))) {
      problems.add("event", "clock", "must be {\"mode\": \"real\"} or {\"mode\": \"simulated\", \"startsAt\", \"speed\"}");
      return;
    }
    time(c, "startsAt", "event clock");
    Object speed = c.getValue("speed", 1);
    if (!(speed instanceof Number n) || n.doubleValue() < EventClock.MIN_SPEED || n.doubleValue() > EventClock.MAX_SPEED) {
      problems.add("event clock", "speed", "must be a number from " + EventClock.MIN_SPEED + " to " + EventClock.MAX_SPEED);
    }
    if (c.getValue("paused") != null && !(c.getValue("paused") instanceof Boolean)) {
      problems.add("event clock", "paused", "must be true or false");
    }
  }

  private void session(JsonObject s, Set<String> rooms, Set<String> speakers) {
    String where = "session '" + s.getValue("id") + "'";
    texts(s, where, "title", "description");
    if (!(s.getValue("type") instanceof String t) || Spelling.parse(Session.Type.class, t) == null) {
      problems.add(where, "type", "must be one of ceremony, speech, keynote, report, award, forum, expo, meeting, break");
    }
    if (!rooms.contains(s.getValue("room"))) {
      problems.add(where, "room", "names no room of the document");
    }
    LocalDateTime start = time(s, "start", where);
    LocalDateTime end = time(s, "end", where);
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add(where, "end", "must be after start");
    }
    for (Object p : list(s, "speakers", where)) {
      if (!speakers.contains(p)) {
        problems.add(where, "speakers", "names '" + p + "', who is not among the document's speakers");
      }
    }
  }

  private LocalDateTime time(JsonObject s, String field, String where) {
    try {
      return LocalDateTime.parse((String) s.getValue(field));
    } catch (RuntimeException e) {
      problems.add(where, field, "must be a venue-local time such as 2023-08-16T09:30");
      return null;
    }
  }

  /** The ids of a list of objects, each checked: present, an id, not repeated. */
  private Set<String> ids(JsonObject doc, String key, String what) {
    Set<String> seen = new HashSet<>();
    List<JsonObject> items = objects(doc, key);
    for (int i = 0; i < items.size(); i++) {
      Object id = items.get(i).getValue("id");
      if (!(id instanceof String s) || !ID.matcher(s).matches()) {
        problems.add(what + " #" + (i + 1), "id", "must be an id: lowercase letters, digits and '-', at most 64");
      } else if (!seen.add(s)) {
        problems.add(what + " '" + s + "'", "id", "is used twice");
      }
    }
    return seen;
  }

  private void texts(JsonObject o, String where, String... fields) {
    for (String f : fields) {
      Object v = o.getValue(f);
      boolean ok = v == null || (v instanceof JsonObject t && t.fieldNames().stream()
          .allMatch(k -> (k.equals("en") || k.equals("zh")) && t.getValue(k) instanceof String));
      if (!ok) {
        problems.add(where, f, "must be {\"en\": \"…\", \"zh\": \"…\"}");
      }
    }
  }

  private List<JsonObject> objects(JsonObject doc, String key) {
    return list(doc, key, "document").stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  private List<Object> list(JsonObject doc, String key, String where) {
    Object v = doc.getValue(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      problems.add(where, key, "must be a list");
      return List.of();
    }
    return a.getList().isEmpty() ? List.of() : a.stream().toList();
  }
}

package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an agenda document (the seed format: venue-local times, results without reveal times) into
 * an Agenda, checking that every reference points at something that exists.
 */
public final class AgendaImport {

  private AgendaImport() {
  }

  /** importedAt: when a simulated clock in the document ("clock": {"startsAt", "speed"}) starts running. */
  public static Agenda read(JsonObject doc, Instant importedAt) {
    ZoneId zone = ZoneId.of(doc.getString("timeZone"));
    Event event = new Event(doc.getString("slug"), Text.fromJson(doc.getJsonObject("title")),
        Text.fromJson(doc.getJsonObject("venue")), zone,
        doc.getJsonArray("days").stream().map(d -> LocalDate.parse((String) d)).toList(),
        clock(doc.getJsonObject("clock"), zone, importedAt), null);
    List<Room> rooms = new ArrayList<>();
    JsonArray roomDocs = doc.getJsonArray("rooms");
    for (int i = 0; i < roomDocs.size(); i++) {
      JsonObject r = roomDocs.getJsonObject(i);
      rooms.add(new Room(r.getString("id"), Text.fromJson(r.getJsonObject("name")), r.getString("kind"), i));
    }
    List<Speaker> speakers = objects(doc, "speakers").stream().map(Speaker::fromJson).toList();
    List<Session> sessions = objects(doc, "sessions").stream().map(s -> session(s, zone)).toList();
    List<Award> awards = objects(doc, "awards").stream().map(AgendaImport::award).toList();
    List<Cue> cues = new ArrayList<>();
    for (JsonObject c : objects(doc, "cues")) {
      cues.add(new Cue(c.getString("id"), Text.fromJson(c.getJsonObject("name")), cues.size(),
          objects(c, "commands"), c.containsKey("at") ? LocalDateTime.parse(c.getString("at")).atZone(zone).toInstant()
              : null, c.getString("after"), c.getInteger("afterMinutes", 0), null));
    }
    Agenda agenda = new Agenda(event, rooms, sessions, speakers, List.of(), null, awards, List.of(), cues);
    check(agenda);
    return agenda;
  }

  /** A document may start its event on a simulated clock, e.g. the demo a few minutes before it opens. */
  private static EventClock clock(JsonObject spec, ZoneId zone, Instant importedAt) {
    if (spec == null || !"simulated".equals(spec.getString("mode"))) {
      return EventClock.REAL;
    }
    Instant startsAt = LocalDateTime.parse(spec.getString("startsAt")).atZone(zone).toInstant();
    return EventClock.simulated(importedAt, startsAt, spec.getDouble("speed", 1.0), spec.getBoolean("paused", false));
  }

  private static Session session(JsonObject s, ZoneId zone) {
    Instant start = LocalDateTime.parse(s.getString("start")).atZone(zone).toInstant();
    Instant end = LocalDateTime.parse(s.getString("end")).atZone(zone).toInstant();
    return new Session(s.getString("id"), Spelling.parse(Session.Type.class, s.getString("type")),
        s.getString("room"), s.getString("room"), Text.fromJson(s.getJsonObject("title")),
        Text.fromJson(s.getJsonObject("description")), start, end, start, end, Session.Status.SCHEDULED,
        s.getJsonArray("speakers", new JsonArray()).stream().map(String.class::cast).toList(), Text.EMPTY,
        null, null);
  }

  private static Award award(JsonObject a) {
    String id = a.getString("id");
    return new Award(id, a.getString("session"), Text.fromJson(a.getJsonObject("name")),
        objects(a, "nominees").stream().map(Award.Nominee::fromJson).toList(),
        objects(a, "results").stream()
            .map(r -> new Award.Result(id, r.getInteger("rank"), r.getString("nominee"), null)).toList());
  }

  private static List<JsonObject> objects(JsonObject doc, String key) {
    return doc.getJsonArray(key, new JsonArray()).stream().map(JsonObject.class::cast).toList();
  }

  private static void check(Agenda agenda) {
    for (Session s : agenda.sessions()) {
      require(agenda.room(s.room()).isPresent(), "session " + s.id() + " names unknown room " + s.room());
      require(s.end().isAfter(s.start()), "session " + s.id() + " ends before it starts");
      s.speakers().forEach(p -> require(agenda.speaker(p).isPresent(), "session " + s.id() + " names " + p));
    }
    for (Cue c : agenda.cues()) {
      c.commands().forEach(Catalogue::parse);
      require(c.after() == null || agenda.cue(c.after()).isPresent(), "cue " + c.id() + " follows unknown " + c.after());
    }
    for (Award a : agenda.awards()) {
      require(agenda.session(a.session()).isPresent(), "award " + a.id() + " names unknown session");
      a.results().forEach(r -> require(a.nominees().stream().anyMatch(n -> n.id().equals(r.nominee())),
          "award " + a.id() + " result names unknown nominee " + r.nominee()));
    }
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException("bad agenda document: " + problem);
    }
  }
}

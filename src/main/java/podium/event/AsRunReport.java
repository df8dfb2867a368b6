package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The as-run report of a day: per room (the one each session ran in), every session as planned
 * against as it ran, and who started and ended it. Actual times are what session.start and
 * session.end recorded; on a day other than the session's own (a rehearsal of a past event) they
 * record none, and the scheduled times stand in. Minutes compare times floored to the minute, as
 * {@link RunningLate} does. Staff-only: it names staff.
 */
public record AsRunReport(LocalDate day, ZoneId zone, Map<String, List<Line>> rooms) {

  /** Who sent a session's start and its end (the change log knows; the agenda does not); null for nobody. */
  public record Actors(String startedBy, String endedBy) {

    public static final Actors NOBODY = new Actors(null, null);
  }

  /**
   * One session. lateStartMinutes: actual start against planned, null until started; overrunMinutes:
   * actual end against planned end (negative when it ended early), null until ended.
   */
  public record Line(String session, Text title, Session.Status status, Instant plannedStart, Instant plannedEnd,
      Instant actualStart, Instant actualEnd, Integer lateStartMinutes, Integer overrunMinutes, String startedBy,
      String endedBy) {

    public JsonObject toJson() {
      return new JsonObject().put("session", session).put("title", title.toJson()).put("status", Spelling.of(status))
          .put("plannedStart", plannedStart.toString()).put("plannedEnd", plannedEnd.toString())
          .put("actualStart", actualStart == null ? null : actualStart.toString())
          .put("actualEnd", actualEnd == null ? null : actualEnd.toString())
          .put("lateStartMinutes", lateStartMinutes).put("overrunMinutes", overrunMinutes)
          .put("startedBy", startedBy).put("endedBy", endedBy);
    }
  }

  public AsRunReport {
    Map<String, List<Line>> kept = new LinkedHashMap<>();
    rooms.forEach((room, lines) -> kept.put(room, List.copyOf(lines)));
    rooms = Collections.unmodifiableMap(kept);
  }

  /** The report of day (in the event's zone), with the actors of each session's start and end by session id. */
  public static AsRunReport of(Agenda agenda, LocalDate day, Map<String, Actors> actors) {
    ZoneId zone = agenda.event().zone();
    Map<String, List<Line>> rooms = new LinkedHashMap<>();
    for (Room room : agenda.rooms()) {
      List<Line> lines = new ArrayList<>();
      agenda.sessions().stream()
          .filter(s -> s.room().equals(room.id()) && s.plannedStart().atZone(zone).toLocalDate().equals(day))
          .sorted(Comparator.comparing(Session::plannedStart).thenComparing(Session::id))
          .forEach(s -> lines.add(line(s, zone, actors.getOrDefault(s.id(), Actors.NOBODY))));
      if (!lines.isEmpty()) {
        rooms.put(room.id(), lines);
      }
    }
    return new AsRunReport(day, zone, rooms);
  }

  private static Line line(Session s, ZoneId zone, Actors actors) {
    boolean started = s.status() == Session.Status.LIVE || s.status() == Session.Status.ENDED;
    Instant start = started ? s.start() : null;
    Instant end = s.status() == Session.Status.ENDED ? s.end() : null;
    return new Line(s.id(), s.title(), s.status(), s.plannedStart(), s.plannedEnd(), start, end,
        minutes(s.plannedStart(), start, zone), minutes(s.plannedEnd(), end, zone), actors.startedBy(),
        actors.endedBy());
  }

  private static Integer minutes(Instant planned, Instant actual, ZoneId zone) {
    return actual == null ? null
        : (int) Duration.between(RunningLate.minute(planned, zone), RunningLate.minute(actual, zone)).toMinutes();
  }

  public JsonObject toJson() {
    JsonObject byRoom = new JsonObject();
    rooms.forEach((room, lines) -> byRoom.put(room, new JsonArray(lines.stream().map(Line::toJson).toList())));
    return new JsonObject().put("day", day.toString()).put("timeZone", zone.getId()).put("rooms", byRoom);
  }
}

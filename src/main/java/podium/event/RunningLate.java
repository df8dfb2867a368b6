package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Running late, computed live: when each room's remaining sessions of the day can now be expected,
 * from what has happened by the event clock's now. Derived from the agenda, never written over it.
 *
 * <p>In each room the walk starts at the session started last today: a live one that is past its
 * end is still running (expected to end now), and the {@code Cascade} walk pushes the scheduled ones
 * after it; one not started by its start is expected to start now, but a break needs nobody to
 * start or end it, so it neither starts late nor runs over by itself. A room where nothing was
 * started today has no projection: its late starts cannot be told from a room nobody runs from the
 * console (an expo open all day). Rooms never affect each other.
 *
 * <p>Only sessions expected at other times than their own are listed, and a room with none is left
 * out: a client holds every session's own times already. Times are floored to the minute in the
 * event's zone, so a session seconds over its whole-minute end makes nothing late, the projection
 * moves once per minute of clock while a session runs over, and equal projections mean nothing
 * moved by a whole minute.
 */
public record RunningLate(Map<String, List<Expected>> rooms) {

  public static final RunningLate ON_TIME = new RunningLate(Map.of());

  /** A session's expected start and end, and the whole minutes its start is later than its own. */
  public record Expected(String session, Instant start, Instant end, int lateMinutes) {

    public JsonObject toJson() {
      return new JsonObject().put("session", session).put("start", start.toString()).put("end", end.toString())
          .put("lateMinutes", lateMinutes);
    }

    public static Expected fromJson(JsonObject j) {
      return new Expected(j.getString("session"), Instant.parse(j.getString("start")), Instant.parse(j.getString("end")),
          j.getInteger("lateMinutes"));
    }
  }

  public RunningLate {
    Map<String, List<Expected>> kept = new LinkedHashMap<>();
    rooms.forEach((room, expected) -> {
      if (!expected.isEmpty()) {
        kept.put(room, List.copyOf(expected));
      }
    });
    rooms = Collections.unmodifiableMap(kept);
  }

  /** The projection at now, the event clock's time (Facts.now, or the clock at the real time). */
  public static RunningLate at(Agenda agenda, Instant now) {
    Map<String, List<Expected>> rooms = new LinkedHashMap<>();
    for (Room room : agenda.rooms()) {
      rooms.put(room.id(), room(agenda, room.id(), now));
    }
    return new RunningLate(rooms);
  }

  /** What is late in a room, in order; empty when it runs to time. */
  public List<Expected> room(String id) {
    return rooms.getOrDefault(id, List.of());
  }

  /** The rooms whose projection differs from earlier's by at least a minute somewhere. */
  public Set<String> roomsMovedSince(RunningLate earlier) {
    Set<String> moved = new LinkedHashSet<>(rooms.keySet());
    moved.addAll(earlier.rooms.keySet());
    moved.removeIf(r -> room(r).equals(earlier.room(r)));
    return Collections.unmodifiableSet(moved);
  }

  /** {room: [{session, start, end, lateMinutes}]}, rooms that run to time left out. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    rooms.keySet().forEach(room -> json.put(room, toJson(room)));
    return json;
  }

  /** One room's list, empty when it runs to time again: what a change for that room carries. */
  public JsonArray toJson(String room) {
    return new JsonArray(room(room).stream().map(Expected::toJson).toList());
  }

  private static List<Expected> room(Agenda agenda, String room, Instant now) {
    LocalDate today = Cascade.day(agenda, now);
    Optional<Session> last = agenda.sessions().stream()
        .filter(s -> s.room().equals(room) && (s.status() == Session.Status.LIVE || s.status() == Session.Status.ENDED)
            && Cascade.day(agenda, s.start()).equals(today))
        .max(Comparator.comparing((Session s) -> s.status() == Session.Status.LIVE).thenComparing(Session::start));
    if (last.isEmpty()) {
      return List.of();
    }
    Session anchor = last.get();
    boolean runsOver = anchor.status() == Session.Status.LIVE && anchor.type() != Session.Type.BREAK
        && now.isAfter(anchor.end());
    Session expectedAnchor = runsOver ? anchor.at(anchor.start(), now) : anchor;
    List<Session> following = Cascade.after(agenda, anchor);
    List<Session> placed = Cascade.walk(following, expectedAnchor.end(), now);
    ZoneId zone = agenda.event().zone();
    List<Expected> late = new ArrayList<>();
    add(late, zone, anchor, expectedAnchor);
    for (int i = 0; i < following.size(); i++) {
      add(late, zone, following.get(i), placed.get(i));
    }
    return late;
  }

  private static void add(List<Expected> late, ZoneId zone, Session own, Session expected) {
    Instant start = minute(expected.start(), zone);
    Instant end = minute(expected.end(), zone);
    Instant ownStart = minute(own.start(), zone);
    if (!start.equals(ownStart) || !end.equals(minute(own.end(), zone))) {
      late.add(new Expected(own.id(), start, end, (int) Duration.between(ownStart, start).toMinutes()));
    }
  }

  /** Floored, never rounded up: attendees told 09:38 for 09:38:40 are in their seats in time. */
  static Instant minute(Instant at, ZoneId zone) {
    return at.atZone(zone).truncatedTo(ChronoUnit.MINUTES).toInstant();
  }
}

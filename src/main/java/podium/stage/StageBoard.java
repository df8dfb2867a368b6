package podium.stage;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import podium.event.Agenda;
import podium.event.Cue;
import podium.event.Room;
import podium.event.RoomNow;
import podium.event.RunningLate;
import podium.event.Session;
import podium.event.Spelling;
import podium.live.EventState;
import podium.live.EventStates;
import podium.web.Errors;
import podium.web.StaffAuth;

/**
 * GET /api/events/{slug}/stage: what a stage manager's buttons show, polled by Companion once a
 * second into a JSON variable: per room (keyed by id, for JSONPath) the live session and its time
 * left and timer phase, what START would start and how late the room's projection expects it, the
 * crew's message; and the cue GO fires. Worked out from the event's state in memory on each
 * request (the time left moves every second); public state but for the cue's name and due time,
 * never a cue's commands, so nothing embargoed is in it.
 */
final class StageBoard {

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final EventStates states;

  StageBoard(EventStates states) {
    this.states = states;
  }

  void mount(Router router, StaffAuth auth) {
    router.get("/api/events/:slug/stage").handler(auth).handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state != null) {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(of(state.slug(), state.view(), Instant.now()));
    }
  }

  static JsonObject of(String slug, EventState.View view, Instant real) {
    Agenda agenda = view.agenda();
    Instant now = agenda.event().clock().at(real);
    ZoneId zone = agenda.event().zone();
    JsonObject rooms = new JsonObject();
    for (Room room : agenda.rooms()) {
      rooms.put(room.id(), room(RoomNow.of(agenda, room, now), zone));
    }
    Cue cue = Cue.next(agenda, now).orElse(null);
    Instant due = cue == null ? null : cue.dueAt(agenda);
    return new JsonObject().put("event", slug).put("version", view.version()).put("now", now.toString())
        .put("clock", HMS.format(now.atZone(zone)))
        .put("cue", cue == null ? null : new JsonObject().put("id", cue.id()).put("name", cue.name().toJson())
            .put("due", due == null ? null : due.toString()).put("dueLocal", local(due, zone)))
        .put("rooms", rooms);
  }

  private static JsonObject room(RoomNow on, ZoneId zone) {
    Long left = on.secondsLeft();
    RunningLate.Expected expected = on.expectedNext();
    return new JsonObject().put("name", on.room().name().toJson())
        .put("session", session(on.live(), zone))
        .put("left", left).put("leftText", left == null ? "" : countdown(left))
        .put("phase", on.phase() == null ? "idle" : Spelling.of(on.phase()))
        .put("next", session(on.next(), zone))
        .put("late", expected == null ? 0 : expected.lateMinutes())
        .put("expectedStart", expected == null ? null : expected.start().toString())
        .put("expectedLocal", expected == null ? null : local(expected.start(), zone))
        .put("message", on.room().stage().message().toJson())
        .put("blackout", on.room().stage().blackout());
  }

  private static JsonObject session(Session s, ZoneId zone) {
    return s == null ? null : new JsonObject().put("id", s.id()).put("title", s.title().toJson())
        .put("start", s.start().toString()).put("end", s.end().toString())
        .put("startLocal", local(s.start(), zone)).put("endLocal", local(s.end(), zone));
  }

  /** "12:34", "-0:45" past the end: minutes and seconds, as a button has room for. */
  static String countdown(long seconds) {
    long abs = Math.abs(seconds);
    return (seconds < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
  }

  private static String local(Instant at, ZoneId zone) {
    return at == null ? null : HM.format(at.atZone(zone));
  }
}

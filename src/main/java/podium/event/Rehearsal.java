package podium.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A rehearsal copy of an event: its plan (rooms, speakers, sessions as planned, award categories
 * and nominees, the cue list unfired) under a slug of its own, on a simulated clock that stands
 * paused five minutes before the first session. Award results are not copied, so a rehearsed
 * reveal can never show a real result; nothing else of the real event's state comes along either.
 */
public final class Rehearsal {

  private Rehearsal() {
  }

  public static Agenda of(Agenda real, String slug, Instant now) {
    Event e = real.event();
    Instant first = real.sessions().stream().map(Session::plannedStart).min(Comparator.naturalOrder())
        .orElse(e.days().get(0).atStartOfDay(e.zone()).toInstant());
    Event copy = new Event(slug, e.title(), e.venue(), e.zone(), e.days(),
        EventClock.simulated(now, first.minus(Duration.ofMinutes(5)), 1, true), e.slug(), e.timer());
    List<Session> planned = real.sessions().stream().map(s -> new Session(s.id(), s.type(), s.plannedRoom(),
        s.plannedRoom(), s.title(), s.description(), s.plannedStart(), s.plannedEnd(), s.plannedStart(), s.plannedEnd(),
        Session.Status.SCHEDULED, s.speakers(), Text.EMPTY, null, null, s.timer())).toList();
    List<Award> awards = real.awards().stream().map(a -> a.withResults(List.of())).toList();
    List<Cue> cues = real.cues().stream().map(c -> c.firedAt(null)).toList();
    List<Room> rooms = real.rooms().stream().map(r -> r.withStage(Stage.QUIET)).toList();
    return new Agenda(copy, rooms, planned, real.speakers(), List.of(), null, awards, List.of(), cues);
  }
}

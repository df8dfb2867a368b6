package podium.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * What a room has on at a moment of the event clock, as its stage manager sees it: the session
 * live in it (what END ends), and the session START would start next. The next one is found the way
 * the running-late projection walks a room (Cascade.after): after the session started last today,
 * so a session passed over earlier in the day never comes back; with nothing started today, the
 * room's first session of the day. Breaks are never "next": nobody starts one, and the session
 * after it is what goes on stage.
 */
public record RoomNow(Room room, Session live, Session next, Instant now, TimerPhases phases) {

  public static RoomNow of(Agenda agenda, Room room, Instant now) {
    LocalDate today = Cascade.day(agenda, now);
    Optional<Session> live = agenda.sessions().stream()
        .filter(s -> s.room().equals(room.id()) && s.status() == Session.Status.LIVE)
        .max(Comparator.comparing(Session::start));
    Optional<Session> anchor = agenda.sessions().stream()
        .filter(s -> s.room().equals(room.id()) && (s.status() == Session.Status.LIVE
            || s.status() == Session.Status.ENDED) && Cascade.day(agenda, s.start()).equals(today))
        .max(Comparator.comparing((Session s) -> s.status() == Session.Status.LIVE).thenComparing(Session::start));
    Session next = (anchor.isPresent() ? Cascade.after(agenda, anchor.get()).stream()
        : agenda.sessions().stream().filter(s -> s.room().equals(room.id()) && s.status() == Session.Status.SCHEDULED
            && Cascade.day(agenda, s.start()).equals(today)))
        .filter(s -> s.type() != Session.Type.BREAK).findFirst().orElse(null);
    TimerPhases phases = live.map(Session::timer).orElse(null);
    return new RoomNow(room, live.orElse(null), next, now, phases != null ? phases : agenda.event().timer());
  }

  /** Whole seconds left of the live session (negative past its end), or null with nothing live. */
  public Long secondsLeft() {
    return live == null ? null : Math.floorDiv(Duration.between(now, live.end()).toMillis(), 1000L);
  }

  /** The live session's timer phase (its own phases, or its event's), or null with nothing live. */
  public TimerPhases.Phase phase() {
    return live == null ? null : phases.at(secondsLeft());
  }

  /** The running-late projection of the next session, as the room last published it, or null when on time. */
  public RunningLate.Expected expectedNext() {
    return next == null ? null : room.stage().expected().stream().filter(e -> e.session().equals(next.id()))
        .findFirst().orElse(null);
  }
}

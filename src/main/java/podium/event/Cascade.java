package podium.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How lateness knocks on to the sessions after it in one room: the one walk that the
 * {@code session.delay} cascade and {@link RunningLate} share, so that they never disagree. A
 * session moves only as far as it must to start once the room is free, never earlier: free time
 * absorbs lateness; a break shrinks to absorb it (it starts later and still ends on time) down to
 * {@link #MIN_BREAK}, and then moves at that length; anything else keeps its length and moves.
 */
final class Cascade {

  /** The shortest a break is squeezed to. One planned shorter keeps its length and moves. */
  static final Duration MIN_BREAK = Duration.ofMinutes(5);

  private Cascade() {
  }

  /**
   * The scheduled sessions that come after anchor in its room on its day, in order: those its
   * lateness can push. A started session's start is its actual one, so one started late is placed
   * by its planned start: it still comes before the sessions planned after it.
   */
  static List<Session> after(Agenda agenda, Session anchor) {
    Instant from = anchor.status() == Session.Status.SCHEDULED || anchor.start().isBefore(anchor.plannedStart())
        ? anchor.start() : anchor.plannedStart();
    LocalDate day = day(agenda, anchor.start());
    return agenda.sessions().stream()
        .filter(s -> s.status() == Session.Status.SCHEDULED && s.room().equals(anchor.room())
            && !s.id().equals(anchor.id()) && !s.start().isBefore(from) && day(agenda, s.start()).equals(day))
        .toList();
  }

  /**
   * Where each of following (in order) lands when the room is free from freeAt, and no session
   * other than a break may start before notBefore (the event clock's now, for a start nobody
   * pressed; a break needs nobody to start it). Sessions that stay put come back unchanged.
   */
  static List<Session> walk(List<Session> following, Instant freeAt, Instant notBefore) {
    List<Session> placed = new ArrayList<>(following.size());
    Instant free = freeAt;
    for (Session s : following) {
      Instant earliest = s.type() == Session.Type.BREAK || !notBefore.isAfter(free) ? free : notBefore;
      Session p = place(s, earliest);
      placed.add(p);
      free = p.end();
    }
    return placed;
  }

  /** Only the sessions the walk moved: what a cascade touches. */
  static List<Session> moved(List<Session> following, Instant freeAt) {
    List<Session> placed = walk(following, freeAt, freeAt);
    List<Session> moved = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      if (!placed.get(i).equals(following.get(i))) {
        moved.add(placed.get(i));
      }
    }
    return moved;
  }

  /** Where s lands if it may not start before earliest. */
  static Session place(Session s, Instant earliest) {
    if (!s.start().isBefore(earliest)) {
      return s;
    }
    if (s.type() != Session.Type.BREAK || s.length().compareTo(MIN_BREAK) <= 0) {
      return s.shifted(Duration.between(s.start(), earliest));
    }
    Instant squeezed = s.end().minus(MIN_BREAK);
    return earliest.isAfter(squeezed) ? s.at(earliest, earliest.plus(MIN_BREAK)) : s.at(earliest, s.end());
  }

  static LocalDate day(Agenda agenda, Instant at) {
    return at.atZone(agenda.event().zone()).toLocalDate();
  }
}

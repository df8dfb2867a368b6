package podium.event;

import java.time.Instant;

/**
 * What a rule may not find out for itself, so that rules stay pure: the time on the event's clock
 * (now), the real time (real: for what plays in real seconds, such as a reveal on screens), a
 * fresh id for anything it creates, who sends the command (actor, role), and what the store looked
 * up for it: for screen.pair the waiting screen that shows the code, for change.undo the change to
 * undo (null when there is none). The store supplies them; tests choose them.
 */
public record Facts(Instant now, Instant real, String newId, String actor, Role role, String waitingScreen,
    Undoable undoable) {

  /** A change in the log that an undo names: what it was, what it touched before, and who made it. */
  public record Undoable(long version, Change change, Before before, String actor) { }

  /** As an admin on a real clock, where the event's time is the real time. */
  public Facts(Instant now, String newId) {
    this(now, now, newId, "test:admin", Role.ADMIN, null, null);
  }

  public Facts(Instant now, String newId, String waitingScreen) {
    this(now, now, newId, "test:admin", Role.ADMIN, waitingScreen, null);
  }

  /** The facts for a command on this agenda at this real time. */
  public static Facts on(Agenda agenda, Instant real, String newId, String actor, Role role, String waitingScreen,
      Undoable undoable) {
    return new Facts(agenda.event().clock().at(real), real, newId, actor, role, waitingScreen, undoable);
  }
}

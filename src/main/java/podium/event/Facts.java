package podium.event;

import java.time.Instant;

/**
 * What a rule may not find out for itself, so that rules stay pure: the time on the event's clock
 * (now), the real time (real: for what plays in real seconds, such as a reveal on screens), a
 * fresh id for anything it creates and, for screen.pair, the waiting screen that shows the code
 * (null if none). The store supplies them; tests choose them.
 */
public record Facts(Instant now, Instant real, String newId, String waitingScreen) {

  /** On a real clock, where the event's time is the real time. */
  public Facts(Instant now, String newId) {
    this(now, now, newId, null);
  }

  public Facts(Instant now, String newId, String waitingScreen) {
    this(now, now, newId, waitingScreen);
  }

  /** The facts for a command on this agenda at this real time. */
  public static Facts on(Agenda agenda, Instant real, String newId, String waitingScreen) {
    return new Facts(agenda.event().clock().at(real), real, newId, waitingScreen);
  }
}

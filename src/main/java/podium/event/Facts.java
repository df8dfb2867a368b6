package podium.event;

import java.time.Instant;

/**
 * What a rule may not find out for itself, so that rules stay pure: the time of the command, a
 * fresh id for anything it creates and, for screen.pair, the waiting screen that shows the code
 * (null if none). The store supplies them; tests choose them.
 */
public record Facts(Instant now, String newId, String waitingScreen) {

  public Facts(Instant now, String newId) {
    this(now, newId, null);
  }
}

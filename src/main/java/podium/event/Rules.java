package podium.event;

import java.time.Instant;

/** Routes each command to the rules of its part of the domain. */
public final class Rules {

  private Rules() {
  }

  public static Change apply(Agenda agenda, Command command, Instant now) {
    return SessionRules.apply(agenda, command, now);
  }
}

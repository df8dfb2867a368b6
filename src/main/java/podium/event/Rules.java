package podium.event;

import java.time.Instant;

/** Routes each command to the rules of its part of the domain. */
public final class Rules {

  private Rules() {
  }

  public static Change apply(Agenda agenda, Command command, Instant now) {
    if (command instanceof StageRules.StageCommand c) {
      return StageRules.apply(agenda, c, now);
    } else if (command instanceof AwardRules.AwardCommand c) {
      return AwardRules.apply(agenda, c, now);
    } else if (command instanceof ScreenRules.ScreenCommand c) {
      return ScreenRules.apply(agenda, c);
    }
    return SessionRules.apply(agenda, command, now);
  }
}

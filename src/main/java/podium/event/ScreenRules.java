package podium.event;

/**
 * The screen fleet: pairing, assignment and remote actions. Every change names its screen, so
 * the hub can hand it to that one device besides staff.
 */
final class ScreenRules {

  private ScreenRules() {
  }

  /** Pairs the waiting screen the store found showing the code. */
  static Change pair(Agenda agenda, Command.Pair c, Facts facts) {
    if (facts.waitingScreen() == null) {
      throw new CommandRejected(ErrorCode.UNKNOWN_CODE, "no screen is waiting with code " + c.code());
    }
    requireRoom(agenda, c.room());
    Text name = c.name().isBlank() ? agenda.room(c.room()).orElseThrow().name() : c.name();
    return new Change.ScreenAssigned(new Screen(facts.waitingScreen(), name, c.room(), c.layout(), c.lang()));
  }

  static Change assign(Agenda agenda, Command.Assign c, Facts facts) {
    Screen s = screen(agenda, c.screen());
    if (c.room() != null) {
      requireRoom(agenda, c.room());
    }
    Screen changed = new Screen(s.id(), c.name() == null ? s.name() : c.name(), c.room() == null ? s.room() : c.room(),
        c.layout() == null ? s.layout() : c.layout(), c.lang() == null ? s.lang() : c.lang());
    if (changed.equals(s)) {
      throw CommandRejected.invalidState("the assignment changes nothing for '" + s.id() + "'");
    }
    return new Change.ScreenAssigned(changed);
  }

  static Change reload(Agenda agenda, Command.Reload c, Facts facts) {
    return new Change.ScreenSignal(ChangeKind.SCREEN_RELOAD, screen(agenda, c.screen()).id(), null);
  }

  static Change identify(Agenda agenda, Command.Identify c, Facts facts) {
    Screen s = screen(agenda, c.screen());
    return new Change.ScreenSignal(ChangeKind.SCREEN_IDENTIFY, s.id(), s.name());
  }

  private static Screen screen(Agenda agenda, String id) {
    return agenda.screen(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SCREEN, id));
  }

  private static void requireRoom(Agenda agenda, String room) {
    agenda.room(room).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, room));
  }
}

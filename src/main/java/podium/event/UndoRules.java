package podium.event;

/**
 * An undo is a new change that puts back what an earlier one touched, as it was before it. Staff
 * undo their own changes (admin any), only while nobody has changed those things since.
 */
final class UndoRules {

  private UndoRules() {
  }

  static Change undo(Agenda agenda, Command.Undo c, Facts facts) {
    Facts.Undoable target = facts.undoable();
    if (target == null) {
      throw CommandRejected.unknown(ErrorCode.UNKNOWN_CHANGE, String.valueOf(c.version()));
    }
    Change done = target.change();
    if (done.kind() == ChangeKind.CUE_FIRED) {
      throw CommandRejected.invalidState("a fired cue is undone change by change: undo the changes its commands made");
    }
    if (done.touched().isEmpty()) {
      throw CommandRejected.invalidState("a " + done.kind().wire() + " changed nothing that could be put back");
    }
    if (!target.before().complete()) {
      throw CommandRejected.invalidState("a " + done.kind().wire() + " made something new, which an undo cannot take"
          + " away: cancel or change it instead");
    }
    if (facts.role() != Role.ADMIN && (!facts.role().may(done.undoRole()) || !target.actor().equals(facts.actor()))) {
      throw new CommandRejected(ErrorCode.FORBIDDEN, "you may undo only your own changes of your role");
    }
    if (!Before.unchangedSince(agenda, done.touched())) {
      throw new CommandRejected(ErrorCode.STALE_VERSION, "what version " + target.version()
          + " changed has been changed again since: look at it as it is now", new io.vertx.core.json.JsonObject()
          .put("current", TouchedCodec.encode(Before.of(agenda, done.touched()).state(), Audience.of(facts.role()))));
    }
    return new Change.Undone(target.version(), done.kind(), done.audience(), target.before().state());
  }
}

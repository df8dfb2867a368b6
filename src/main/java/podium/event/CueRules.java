package podium.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Cue lists: staff save cues ahead, and fire them by hand or on the event clock. A cue's commands
 * run as one: all of them, or (when one breaks a rule) none. A cue fires once.
 */
final class CueRules {

  private CueRules() {
  }

  static Change save(Agenda agenda, Command.SaveCue c, Facts facts) {
    Cue current = agenda.cue(c.cue()).orElse(null);
    if (current != null && current.fired()) {
      throw CommandRejected.invalidState("'" + c.cue() + "' has fired: save the cue under a new id");
    }
    for (var body : c.commands()) {
      requireMay(facts, Catalogue.parse(body));
    }
    if (c.after() != null) {
      for (String at = c.after(); at != null; at = agenda.cue(at).map(Cue::after).orElse(null)) {
        if (at.equals(c.cue())) {
          throw CommandRejected.invalidField("after", "would make the cue wait for itself");
        }
        agenda.cue(at).orElseThrow(() -> CommandRejected.invalidField("after", "names no cue of this event"));
      }
    }
    int position = c.position() != null ? c.position()
        : current != null ? current.position() : agenda.cues().stream().mapToInt(Cue::position).max().orElse(-1) + 1;
    Cue cue = new Cue(c.cue(), c.name(), position, c.commands(),
        c.at() == null ? null : c.at().in(agenda.event().zone()), c.after(), c.afterMinutes(), null);
    if (cue.equals(current)) {
      throw CommandRejected.invalidState("the cue is so already");
    }
    return new Change.CueChanged(ChangeKind.CUE_SAVED, cue, null);
  }

  static Change remove(Agenda agenda, Command.RemoveCue c, Facts facts) {
    Cue cue = agenda.cue(c.cue()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_CUE, c.cue()));
    for (var body : cue.commands()) {
      requireMay(facts, Catalogue.parse(body));
    }
    return new Change.CueChanged(ChangeKind.CUE_REMOVED, null, c.cue());
  }

  /** Each command against the agenda the ones before it left; then the cue is marked fired. */
  static List<Change> fire(Agenda agenda, Command.FireCue c, Facts facts) {
    Cue cue = agenda.cue(c.cue()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_CUE, c.cue()));
    if (cue.fired()) {
      throw CommandRejected.invalidState("'" + cue.id() + "' fired already, at " + cue.firedAt());
    }
    List<Change> changes = new ArrayList<>();
    Agenda now = agenda;
    for (int i = 0; i < cue.commands().size(); i++) {
      Catalogue.Parsed<?> step = Catalogue.parse(cue.commands().get(i));
      requireMay(facts, step);
      Facts own = new Facts(facts.now(), facts.real(), facts.newId() + "-" + i, facts.actor(), facts.role(), null, null);
      try {
        for (Change change : step.decideAll(now, own)) {
          changes.add(change);
          now = now.apply(change);
        }
      } catch (CommandRejected e) {
        throw new CommandRejected(e.code(), "cue '" + cue.id() + "', command #" + (i + 1) + " (" + step.type()
            + "): " + e.getMessage() + "; nothing of the cue was applied", e.details());
      }
    }
    changes.add(new Change.CueChanged(ChangeKind.CUE_FIRED, cue.firedAt(facts.now()), null));
    return changes;
  }

  private static void requireMay(Facts facts, Catalogue.Parsed<?> step) {
    if (step.role() != null && !facts.role().may(step.role())) {
      throw new CommandRejected(ErrorCode.FORBIDDEN, "this cue holds " + step.type() + ", which needs the "
          + step.role().wire() + " role");
    }
  }
}

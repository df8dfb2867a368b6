package podium.event;

import java.util.List;

/** A followed schedule's release: the changes SourcePlan makes of it, each a version of its own. */
final class SourceRules {

  private SourceRules() {
  }

  static List<Change> follow(Agenda agenda, Command.Follow c, Facts facts) {
    List<Change> changes = SourcePlan.follow(agenda, c.source(), c.marks(), c.owned()).changes();
    if (changes.isEmpty()) {
      throw CommandRejected.invalidState("the release changes nothing that Podium does not hold");
    }
    return changes;
  }
}

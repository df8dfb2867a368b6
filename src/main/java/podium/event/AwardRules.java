package podium.event;

import java.util.Comparator;
import java.util.List;

/** Award results: entered ahead under embargo, revealed by staff on cue. */
final class AwardRules {

  private AwardRules() {
  }

  static Change setResult(Agenda agenda, Command.SetResult c, Facts facts) {
    Award award = award(agenda, c.award());
    if (award.nominees().stream().noneMatch(n -> n.id().equals(c.nominee()))) {
      throw CommandRejected.unknown(ErrorCode.UNKNOWN_NOMINEE, c.nominee());
    }
    if (award.results().stream().anyMatch(r -> r.rank() == c.rank() && r.revealed())) {
      throw CommandRejected.invalidState("rank " + c.rank() + " of '" + c.award() + "' is revealed already");
    }
    // Staff only (see ChangeKind): an embargoed result never reaches a public client.
    return new Change.ResultSet(c.award(), List.of(new Award.Result(c.award(), c.rank(), c.nominee(), null)));
  }

  static Change reveal(Agenda agenda, Command.Reveal c, Facts facts) {
    Award award = award(agenda, c.award());
    List<Award.Result> toReveal = award.results().stream().filter(r -> !r.revealed())
        .filter(r -> c.rank() == null || r.rank() == c.rank())
        .sorted(Comparator.comparingInt(Award.Result::rank).reversed()).toList();
    if (toReveal.isEmpty()) {
      throw CommandRejected.invalidState(c.rank() == null ? "'" + c.award() + "' has no result left to reveal"
          : "'" + c.award() + "' has no unrevealed result at rank " + c.rank());
    }
    return new Change.Revealed(c.award(), toReveal.stream()
        .map(r -> new Award.Result(r.award(), r.rank(), r.nominee(), facts.now())).toList(), facts.real().toEpochMilli());
  }

  private static Award award(Agenda agenda, String id) {
    return agenda.award(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_AWARD, id));
  }
}

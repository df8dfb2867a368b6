package podium.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Award results: entered ahead under embargo, revealed by staff on cue. */
final class AwardRules {

  private AwardRules() {
  }

  static Change add(Agenda agenda, Command.AddAward c, Facts facts) {
    if (agenda.award(c.award()).isPresent()) {
      throw new CommandRejected(ErrorCode.DUPLICATE_ID, "an award '" + c.award() + "' exists already");
    }
    requireSession(agenda, c.session());
    return new Change.AwardChanged(ChangeKind.AWARD_ADDED, new Award(c.award(), c.session(), c.name(), List.of(),
        List.of()), List.of());
  }

  static Change update(Agenda agenda, Command.UpdateAward c, Facts facts) {
    Award a = award(agenda, c.award());
    if (c.session() != null) {
      requireSession(agenda, c.session());
    }
    Award next = a.named(c.session() != null ? c.session() : a.session(), c.name() != null ? c.name() : a.name());
    if (next.equals(a)) {
      throw CommandRejected.invalidState("the update changes nothing in '" + a.id() + "'");
    }
    return new Change.AwardChanged(ChangeKind.AWARD_UPDATED, next, List.of());
  }

  static Change setNominee(Agenda agenda, Command.SetNominee c, Facts facts) {
    Award a = award(agenda, c.award());
    List<Award.Nominee> nominees = new ArrayList<>(a.nominees());
    Award.Nominee named = new Award.Nominee(c.nominee(), c.name());
    int at = nominees.stream().map(Award.Nominee::id).toList().indexOf(c.nominee());
    if (at >= 0 && nominees.get(at).equals(named)) {
      throw CommandRejected.invalidState("'" + c.nominee() + "' is named so already");
    }
    if (at >= 0) {
      nominees.set(at, named);
    } else {
      nominees.add(named);
    }
    return new Change.AwardChanged(ChangeKind.AWARD_UPDATED, a.withNominees(nominees), List.of());
  }

  /**
   * The whole list, embargoed: a result already revealed must stay as it is (withdraw it first),
   * and keeps its reveal time.
   */
  static Change setResults(Agenda agenda, Command.SetResults c, Facts facts) {
    Award a = award(agenda, c.award());
    List<Award.Result> results = new ArrayList<>();
    for (Command.Placing p : c.results()) {
      if (a.nominees().stream().noneMatch(n -> n.id().equals(p.nominee()))) {
        throw CommandRejected.unknown(ErrorCode.UNKNOWN_NOMINEE, p.nominee());
      }
      Award.Result kept = a.results().stream().filter(r -> r.revealed() && r.rank() == p.rank()
          && r.nominee().equals(p.nominee())).findFirst().orElse(null);
      results.add(kept != null ? kept : new Award.Result(a.id(), p.rank(), p.nominee(), null));
    }
    for (Award.Result r : a.results()) {
      if (r.revealed() && !results.contains(r)) {
        throw CommandRejected.invalidState("rank " + r.rank() + " of '" + a.id() + "' is revealed: withdraw it first");
      }
    }
    Award next = a.withResults(results);
    if (next.equals(a)) {
      throw CommandRejected.invalidState("the results of '" + a.id() + "' are so already");
    }
    // Embargoed (see ChangeKind): only admin and awards ever get these results.
    return new Change.AwardChanged(ChangeKind.AWARD_RESULT_SET, next, List.of());
  }

  /** Takes a reveal back at once: screens and phones drop those results, which are embargoed again. */
  static Change unreveal(Agenda agenda, Command.Unreveal c, Facts facts) {
    Award a = award(agenda, c.award());
    List<Award.Result> taken = a.results().stream().filter(Award.Result::revealed)
        .filter(r -> c.rank() == null || r.rank() == c.rank()).toList();
    if (taken.isEmpty()) {
      throw CommandRejected.invalidState(c.rank() == null ? "'" + a.id() + "' has no revealed result"
          : "'" + a.id() + "' has no revealed result at rank " + c.rank());
    }
    List<Award.Result> results = a.results().stream()
        .map(r -> taken.contains(r) ? new Award.Result(r.award(), r.rank(), r.nominee(), null) : r).toList();
    return new Change.AwardChanged(ChangeKind.AWARD_WITHDRAWN, a.withResults(results),
        taken.stream().map(Award.Result::rank).distinct().sorted().toList());
  }

  private static void requireSession(Agenda agenda, String session) {
    agenda.session(session).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION, session));
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

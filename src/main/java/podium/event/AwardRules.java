package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Award results: entered ahead under embargo, revealed by staff on cue. */
public final class AwardRules {


  /** A command of this family. */
  public interface AwardCommand extends Command { }

  record SetResult(String award, int rank, String nominee) implements AwardCommand { }

  /** Reveals one rank, or (rank null) every unrevealed rank of the award. */
  record Reveal(String award, Integer rank) implements AwardCommand { }

  private AwardRules() {
  }

  static Command parse(String type, JsonObject body) {
    return switch (type) {
      case "award.set_result" -> {
        Fields f = new Fields(body, Set.of("award", "rank", "nominee"));
        yield new SetResult(f.id("award"), f.integer("rank", 1, 50), f.id("nominee"));
      }
      case "award.reveal" -> {
        Fields f = new Fields(body, Set.of("award", "rank"));
        yield new Reveal(f.id("award"), f.has("rank") ? f.integer("rank", 1, 50) : null);
      }
      default -> throw new CommandRejected("unknown_command", "no command '" + type + "'");
    };
  }

  static Change apply(Agenda agenda, AwardCommand command, Instant now) {
    if (command instanceof SetResult c) {
      Award award = award(agenda, c.award());
      if (award.nominees().stream().noneMatch(n -> n.id().equals(c.nominee()))) {
        throw CommandRejected.unknown("nominee", c.nominee());
      }
      if (award.results().stream().anyMatch(r -> r.rank() == c.rank() && r.revealed())) {
        throw CommandRejected.invalidState("rank " + c.rank() + " of '" + c.award() + "' is revealed already");
      }
      Award.Result result = new Award.Result(c.award(), c.rank(), c.nominee(), null);
      // Staff only: an embargoed result never reaches a public client.
      return new Change("award.result_set", Audience.STAFF, new JsonObject().put("award", c.award())
          .put("results", new JsonArray().add(result.toJson())));
    }
    Reveal c = (Reveal) command;
    Award award = award(agenda, c.award());
    List<Award.Result> toReveal = award.results().stream().filter(r -> !r.revealed())
        .filter(r -> c.rank() == null || r.rank() == c.rank())
        .sorted(Comparator.comparingInt(Award.Result::rank).reversed()).toList();
    if (toReveal.isEmpty()) {
      throw CommandRejected.invalidState(c.rank() == null ? "'" + c.award() + "' has no result left to reveal"
          : "'" + c.award() + "' has no unrevealed result at rank " + c.rank());
    }
    JsonArray results = new JsonArray(toReveal.stream()
        .map(r -> new Award.Result(r.award(), r.rank(), r.nominee(), now).toJson()).toList());
    return new Change("award.revealed", Audience.PUBLIC, new JsonObject().put("award", c.award())
        .put("results", results).put("showAt", now.toEpochMilli()));
  }

  private static Award award(Agenda agenda, String id) {
    return agenda.award(id).orElseThrow(() -> CommandRejected.unknown("award", id));
  }
}

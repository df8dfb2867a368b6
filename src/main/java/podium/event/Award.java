package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An award category with its nominees and results. A result with no revealedAt is embargoed: it
 * is in no public snapshot, frame or export until staff reveal it.
 */
public record Award(String id, String session, Text name, List<Nominee> nominees, List<Result> results) {

  public record Nominee(String id, Text name) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("name", name.toJson());
    }

    public static Nominee fromJson(JsonObject j) {
      return new Nominee(j.getString("id"), Text.fromJson(j.getJsonObject("name")));
    }
  }

  public record Result(String award, int rank, String nominee, Instant revealedAt) {
    public boolean revealed() {
      return revealedAt != null;
    }

    public JsonObject toJson() {
      return new JsonObject().put("award", award).put("rank", rank).put("nominee", nominee)
          .put("revealedAt", revealedAt == null ? null : revealedAt.toString());
    }

    public static Result fromJson(JsonObject j) {
      String at = j.getString("revealedAt");
      return new Result(j.getString("award"), j.getInteger("rank"), j.getString("nominee"),
          at == null ? null : Instant.parse(at));
    }
  }

  public Award {
    nominees = List.copyOf(nominees);
    results = results.stream().sorted(Comparator.comparingInt(Result::rank).thenComparing(Result::nominee)).toList();
  }

  /** Replaces the result of that rank and nominee (a tie is two nominees at one rank). */
  public Award withResult(Result result) {
    List<Result> others = results.stream()
        .filter(r -> r.rank() != result.rank() || !r.nominee().equals(result.nominee())).toList();
    return withResults(java.util.stream.Stream.concat(others.stream(), java.util.stream.Stream.of(result)).toList());
  }

  public Award withResults(List<Result> newResults) {
    return new Award(id, session, name, nominees, newResults);
  }

  public Award withNominees(List<Nominee> newNominees) {
    return new Award(id, session, name, newNominees, results);
  }

  public Award named(String newSession, Text newName) {
    return new Award(id, newSession, newName, nominees, results);
  }

  /** The embargo audience sees every result; everyone else revealed ones only, and no trace of the others. */
  public JsonObject toJson(Audience audience) {
    return new JsonObject().put("id", id).put("session", session).put("name", name.toJson())
        .put("nominees", new JsonArray(nominees.stream().map(Nominee::toJson).toList()))
        .put("results", new JsonArray(results.stream().filter(r -> audience == Audience.EMBARGO || r.revealed())
            .map(Result::toJson).toList()));
  }

  public static Award fromJson(JsonObject j) {
    return new Award(j.getString("id"), j.getString("session"), Text.fromJson(j.getJsonObject("name")),
        j.getJsonArray("nominees", new JsonArray()).stream().map(n -> Nominee.fromJson((JsonObject) n)).toList(),
        j.getJsonArray("results", new JsonArray()).stream().map(r -> Result.fromJson((JsonObject) r)).toList());
  }
}

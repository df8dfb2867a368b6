package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A file that cannot be imported, with every problem found in it; nothing was imported. */
public final class ScheduleRefused extends RuntimeException {

  /** What is wrong, and where: a session (by title and guid), the conference, a room or the file. */
  public record Problem(String where, String field, String problem) {
    public JsonObject toJson() {
      return new JsonObject().put("where", where).put("field", field).put("problem", problem);
    }

    @Override
    public String toString() {
      return where + ": '" + field + "' " + problem;
    }
  }

  private final transient List<Problem> problems;

  public ScheduleRefused(List<Problem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString()
        : problems.size() + " problems, the first: " + problems.get(0), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public static ScheduleRefused of(String where, String field, String problem) {
    return new ScheduleRefused(List.of(new Problem(where, field, problem)));
  }

  public List<Problem> problems() {
    return problems;
  }

  public JsonArray toJson() {
    return new JsonArray(problems.stream().map(Problem::toJson).toList());
  }
}

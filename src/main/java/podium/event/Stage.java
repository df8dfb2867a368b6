package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What a room's stage shows besides its agenda: a message from the crew to the speaker (until it is
 * cleared), a blackout of its timer screens, the last flash to catch the speaker's eye, and the
 * room's running-late projection as last published (RunningLate), with the sessions staff chose
 * to leave out of it.
 */
public record Stage(Text message, boolean blackout, Instant flashedAt, List<RunningLate.Expected> expected,
    List<String> dismissed) {

  public static final Stage QUIET = new Stage(Text.EMPTY, false, null, List.of(), List.of());

  public Stage {
    message = message == null ? Text.EMPTY : message;
    expected = List.copyOf(expected);
    dismissed = List.copyOf(dismissed);
  }

  public Stage withMessage(Text text) {
    return new Stage(text, blackout, flashedAt, expected, dismissed);
  }

  public Stage withBlackout(boolean on) {
    return new Stage(message, on, flashedAt, expected, dismissed);
  }

  public Stage flashed(Instant at) {
    return new Stage(message, blackout, at, expected, dismissed);
  }

  public Stage withExpected(List<RunningLate.Expected> now) {
    return new Stage(message, blackout, flashedAt, now, dismissed);
  }

  public Stage withDismissed(List<String> sessions) {
    return new Stage(message, blackout, flashedAt, expected, sessions);
  }

  public boolean quiet() {
    return equals(QUIET);
  }

  public JsonObject toJson() {
    return new JsonObject().put("message", message.toJson()).put("blackout", blackout)
        .put("flashedAt", flashedAt == null ? null : flashedAt.toString())
        .put("expected", new JsonArray(expected.stream().map(RunningLate.Expected::toJson).toList()))
        .put("dismissed", new JsonArray(dismissed));
  }

  /** QUIET for null (a room whose stage was never used). */
  public static Stage fromJson(JsonObject j) {
    if (j == null) {
      return QUIET;
    }
    String flashed = j.getString("flashedAt");
    return new Stage(Text.fromJson(j.getJsonObject("message")), j.getBoolean("blackout", false),
        flashed == null ? null : Instant.parse(flashed),
        j.getJsonArray("expected", new JsonArray()).stream().map(o -> RunningLate.Expected.fromJson((JsonObject) o))
            .toList(),
        j.getJsonArray("dismissed", new JsonArray()).stream().map(String.class::cast).toList());
  }
}

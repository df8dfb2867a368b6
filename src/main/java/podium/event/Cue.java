package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A named, ordered list of commands that staff prepare and fire as one ("Keynote 2 on stage"):
 * by hand, at a time on the event clock (at), or some minutes after another cue fired (after,
 * afterMinutes). Fired, it keeps when (on the event clock). Staff only.
 */
public record Cue(String id, Text name, int position, List<JsonObject> commands, Instant at, String after,
    int afterMinutes, Instant firedAt) {

  public Cue {
    commands = commands.stream().map(JsonObject::copy).toList();
  }

  public boolean fired() {
    return firedAt != null;
  }

  public Cue firedAt(Instant when) {
    return new Cue(id, name, position, commands, at, after, afterMinutes, when);
  }

  /** When it is due on the event clock, if it is scheduled and what it follows has fired; else null. */
  public Instant dueAt(Agenda agenda) {
    if (fired()) {
      return null;
    }
    if (at != null) {
      return at;
    }
    Cue before = after == null ? null : agenda.cue(after).orElse(null);
    return before == null || !before.fired() ? null : before.firedAt().plus(Duration.ofMinutes(afterMinutes));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name.toJson()).put("position", position)
        .put("commands", new JsonArray(commands.stream().map(c -> (Object) c).toList()))
        .put("at", at == null ? null : at.toString()).put("after", after).put("afterMinutes", afterMinutes)
        .put("firedAt", firedAt == null ? null : firedAt.toString());
  }

  public static Cue fromJson(JsonObject j) {
    String at = j.getString("at");
    String fired = j.getString("firedAt");
    return new Cue(j.getString("id"), Text.fromJson(j.getJsonObject("name")), j.getInteger("position", 0),
        j.getJsonArray("commands", new JsonArray()).stream().map(JsonObject.class::cast).toList(),
        at == null ? null : Instant.parse(at), j.getString("after"), j.getInteger("afterMinutes", 0),
        fired == null ? null : Instant.parse(fired));
  }
}

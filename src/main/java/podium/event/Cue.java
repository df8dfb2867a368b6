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

  /**
   * A cue more than this overdue on its event's clock is missed: the cue clock leaves it to staff
   * (the clock jumped past it, or the event was imported after its time), and GO passes over it.
   */
  public static final Duration GRACE = Duration.ofMinutes(5);

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

  /** Due more than GRACE ago and not fired: only a deliberate fire from its own row sends it. */
  public boolean missed(Agenda agenda, Instant now) {
    Instant due = dueAt(agenda);
    return due != null && now.isAfter(due.plus(GRACE));
  }

  /**
   * The cue GO fires: the first of the run of show (by position, then id) that has not fired and
   * is not missed, whether due, scheduled, waiting for another cue or fired by hand only; as the
   * console's GO shows it (webroot/js/console-cue-status.js, nextCue).
   */
  public static java.util.Optional<Cue> next(Agenda agenda, Instant now) {
    return agenda.cues().stream().filter(c -> !c.fired() && !c.missed(agenda, now)).findFirst();
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

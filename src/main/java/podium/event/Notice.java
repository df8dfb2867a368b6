package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The emergency notice: while one is set, every screen shows it and nothing else. */
public record Notice(Text text, Instant postedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("text", text.toJson()).put("postedAt", postedAt.toString());
  }

  public static Notice fromJson(JsonObject j) {
    return j == null ? null : new Notice(Text.fromJson(j.getJsonObject("text")), Instant.parse(j.getString("postedAt")));
  }
}

package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A ticker item. It stops showing at its expiry, if it has one. */
public record Announcement(String id, Text text, Instant postedAt, Instant expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("text", text.toJson()).put("postedAt", postedAt.toString())
        .put("expiresAt", expiresAt == null ? null : expiresAt.toString());
  }

  public static Announcement fromJson(JsonObject j) {
    String expires = j.getString("expiresAt");
    return new Announcement(j.getString("id"), Text.fromJson(j.getJsonObject("text")),
        Instant.parse(j.getString("postedAt")), expires == null ? null : Instant.parse(expires));
  }
}

package podium.event;

import io.vertx.core.json.JsonObject;

public record Room(String id, Text name, String kind, int position) {

  /** What a room is for: screens and pages pick their look by it. */
  public static final java.util.List<String> KINDS = java.util.List.of("hall", "forum", "expo", "room");

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name.toJson()).put("kind", kind).put("position", position);
  }

  public static Room fromJson(JsonObject j) {
    return new Room(j.getString("id"), Text.fromJson(j.getJsonObject("name")), j.getString("kind", "hall"),
        j.getInteger("position", 0));
  }
}

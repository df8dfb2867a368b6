package podium.event;

import io.vertx.core.json.JsonObject;

/** A room of the venue, and its stage (Stage.QUIET until the crew uses it). */
public record Room(String id, Text name, String kind, int position, Stage stage) {

  /** What a room is for: screens and pages pick their look by it. */
  public static final java.util.List<String> KINDS = java.util.List.of("hall", "forum", "expo", "room");

  public Room {
    stage = stage == null ? Stage.QUIET : stage;
  }

  public Room(String id, Text name, String kind, int position) {
    this(id, name, kind, position, Stage.QUIET);
  }

  public Room withStage(Stage newStage) {
    return new Room(id, name, kind, position, newStage);
  }

  /** A quiet stage is left out: a room that never used one reads as it always did. */
  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("id", id).put("name", name.toJson()).put("kind", kind).put("position", position);
    return stage.quiet() ? j : j.put("stage", stage.toJson());
  }

  public static Room fromJson(JsonObject j) {
    return new Room(j.getString("id"), Text.fromJson(j.getJsonObject("name")), j.getString("kind", "hall"),
        j.getInteger("position", 0), Stage.fromJson(j.getJsonObject("stage")));
  }
}

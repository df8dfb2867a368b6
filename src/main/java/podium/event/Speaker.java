package podium.event;

import io.vertx.core.json.JsonObject;

public record Speaker(String id, Text name, Text title, Text affiliation) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name.toJson()).put("title", title.toJson())
        .put("affiliation", affiliation.toJson());
  }

  public static Speaker fromJson(JsonObject j) {
    return new Speaker(j.getString("id"), Text.fromJson(j.getJsonObject("name")),
        Text.fromJson(j.getJsonObject("title")), Text.fromJson(j.getJsonObject("affiliation")));
  }
}

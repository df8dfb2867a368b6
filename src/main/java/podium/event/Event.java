package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The event itself: what it is called, where, and the venue's time zone. */
public record Event(String slug, Text title, Text venue, ZoneId zone, List<LocalDate> days) {

  public JsonObject toJson() {
    return new JsonObject().put("slug", slug).put("title", title.toJson()).put("venue", venue.toJson())
        .put("timeZone", zone.getId())
        .put("days", new JsonArray(days.stream().map(LocalDate::toString).toList()));
  }

  public static Event fromJson(JsonObject j) {
    return new Event(j.getString("slug"), Text.fromJson(j.getJsonObject("title")),
        Text.fromJson(j.getJsonObject("venue")), ZoneId.of(j.getString("timeZone")),
        j.getJsonArray("days", new JsonArray()).stream().map(d -> LocalDate.parse((String) d)).toList());
  }
}

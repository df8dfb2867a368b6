package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import podium.event.Agenda;

/**
 * A file read whole into an agenda: the source guid of each session (by session id), what was
 * tolerated on the way, and how many sessions kept the id they had before a replace.
 */
public record Imported(ScheduleFormat format, String generator, Agenda agenda, Map<String, String> guids,
    List<String> warnings, int keptIds) {

  public Imported {
    guids = Map.copyOf(guids);
    warnings = List.copyOf(warnings);
  }

  /** What the import command and the API report: counts by kind, and every warning. */
  public JsonObject summary() {
    return new JsonObject().put("format", format.wire()).put("generator", generator)
        .put("days", agenda.event().days().size()).put("rooms", agenda.rooms().size())
        .put("sessions", agenda.sessions().size()).put("speakers", agenda.speakers().size())
        .put("keptIds", keptIds).put("warnings", new JsonArray(warnings));
  }
}

package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A slot in the agenda. It keeps its planned times and room, so that screens can say "delayed 15
 * min" or "moved from Sub-forum A"; start, end and room are what is true now.
 */
public record Session(String id, Type type, String room, String plannedRoom, Text title, Text description,
    Instant plannedStart, Instant plannedEnd, Instant start, Instant end, Status status,
    List<String> speakers, Text reason, String onStage, String upNext, TimerPhases timer) {

  public enum Type { CEREMONY, SPEECH, KEYNOTE, REPORT, AWARD, FORUM, EXPO, MEETING, BREAK }

  public enum Status { SCHEDULED, LIVE, ENDED, CANCELLED }

  public Session {
    speakers = List.copyOf(speakers);
    reason = reason == null ? Text.EMPTY : reason;
  }

  /** Without timer phases of its own: its speaker timer takes its event's. */
  public Session(String id, Type type, String room, String plannedRoom, Text title, Text description,
      Instant plannedStart, Instant plannedEnd, Instant start, Instant end, Status status,
      List<String> speakers, Text reason, String onStage, String upNext) {
    this(id, type, room, plannedRoom, title, description, plannedStart, plannedEnd, start, end, status, speakers, reason,
        onStage, upNext, null);
  }

  /** null: the event's phases. */
  public Session withTimer(TimerPhases phases) {
    return new Session(id, type, room, plannedRoom, title, description, plannedStart, plannedEnd, start, end,
        status, speakers, reason, onStage, upNext, phases);
  }

  public boolean isOpen() {
    return status == Status.SCHEDULED || status == Status.LIVE;
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public Session at(Instant newStart, Instant newEnd) {
    return new Session(id, type, room, plannedRoom, title, description, plannedStart, plannedEnd, newStart, newEnd,
        status, speakers, reason, onStage, upNext, timer);
  }

  /** A new plan (a followed schedule's release): planned and actual times and room alike. */
  public Session replanned(String newRoom, Instant newStart, Instant newEnd) {
    return new Session(id, type, newRoom, newRoom, title, description, newStart, newEnd, newStart, newEnd,
        status, speakers, reason, onStage, upNext, timer);
  }

  public Session shifted(Duration by) {
    return at(start.plus(by), end.plus(by));
  }

  public Session inRoom(String newRoom) {
    return new Session(id, type, newRoom, plannedRoom, title, description, plannedStart, plannedEnd, start, end,
        status, speakers, reason, onStage, upNext, timer);
  }

  public Session withStatus(Status newStatus, Text newReason) {
    return new Session(id, type, room, plannedRoom, title, description, plannedStart, plannedEnd, start, end,
        newStatus, speakers, newReason, newStatus == Status.LIVE || newStatus == Status.SCHEDULED ? onStage : null,
        newStatus == Status.LIVE || newStatus == Status.SCHEDULED ? upNext : null, timer);
  }

  public Session withContent(Type newType, Text newTitle, Text newDescription, List<String> newSpeakers) {
    return new Session(id, newType, room, plannedRoom, newTitle, newDescription, plannedStart, plannedEnd, start,
        end, status, newSpeakers, reason, onStage, upNext, timer);
  }

  /** Who is speaking now, and who is cued to speak next; null for nobody. */
  public Session withStage(String newOnStage, String newUpNext) {
    return new Session(id, type, room, plannedRoom, title, description, plannedStart, plannedEnd, start, end,
        status, speakers, reason, newOnStage, newUpNext, timer);
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("id", id).put("type", Spelling.of(type)).put("room", room).put("plannedRoom", plannedRoom)
        .put("title", title.toJson()).put("description", description.toJson())
        .put("plannedStart", plannedStart.toString()).put("plannedEnd", plannedEnd.toString())
        .put("start", start.toString()).put("end", end.toString())
        .put("delayMinutes", Duration.between(plannedStart, start).toMinutes())
        .put("status", Spelling.of(status)).put("speakers", new JsonArray(speakers)).put("reason", reason.toJson())
        .put("onStage", onStage).put("upNext", upNext);
    return timer == null ? j : j.put("timer", timer.toJson());
  }

  public static Session fromJson(JsonObject j) {
    return new Session(j.getString("id"), Spelling.parse(Type.class, j.getString("type")), j.getString("room"),
        j.getString("plannedRoom", j.getString("room")), Text.fromJson(j.getJsonObject("title")),
        Text.fromJson(j.getJsonObject("description")), Instant.parse(j.getString("plannedStart")),
        Instant.parse(j.getString("plannedEnd")), Instant.parse(j.getString("start")),
        Instant.parse(j.getString("end")), Spelling.parse(Status.class, j.getString("status")),
        j.getJsonArray("speakers", new JsonArray()).stream().map(String.class::cast).toList(),
        Text.fromJson(j.getJsonObject("reason")), j.getString("onStage"), j.getString("upNext"),
        TimerPhases.fromJson(j.getJsonObject("timer")));
  }

}

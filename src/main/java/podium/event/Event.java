package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The event itself: what it is called, where, the venue's time zone, its days and its clock. A
 * rehearsal copy names the event it rehearses (rehearsalOf), and every page of it says so.
 */
public record Event(String slug, Text title, Text venue, ZoneId zone, List<LocalDate> days, EventClock clock,
    String rehearsalOf, TimerPhases timer) {

  public Event {
    days = List.copyOf(days);
    clock = clock == null ? EventClock.REAL : clock;
    timer = timer == null ? TimerPhases.DEFAULT : timer;
  }

  /** With the speaker timers' default phases. */
  public Event(String slug, Text title, Text venue, ZoneId zone, List<LocalDate> days, EventClock clock,
      String rehearsalOf) {
    this(slug, title, venue, zone, days, clock, rehearsalOf, TimerPhases.DEFAULT);
  }

  public Event withClock(EventClock newClock) {
    return new Event(slug, title, venue, zone, days, newClock, rehearsalOf, timer);
  }

  public Event withTimer(TimerPhases phases) {
    return new Event(slug, title, venue, zone, days, clock, rehearsalOf, phases);
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("slug", slug).put("title", title.toJson()).put("venue", venue.toJson())
        .put("timeZone", zone.getId())
        .put("days", new JsonArray(days.stream().map(LocalDate::toString).toList()))
        .put("clock", clock.toJson());
    if (!timer.equals(TimerPhases.DEFAULT)) {
      j.put("timer", timer.toJson());
    }
    return rehearsalOf == null ? j : j.put("rehearsalOf", rehearsalOf);
  }

  public static Event fromJson(JsonObject j) {
    return new Event(j.getString("slug"), Text.fromJson(j.getJsonObject("title")),
        Text.fromJson(j.getJsonObject("venue")), ZoneId.of(j.getString("timeZone")),
        j.getJsonArray("days", new JsonArray()).stream().map(d -> LocalDate.parse((String) d)).toList(),
        EventClock.fromJson(j.getJsonObject("clock")), j.getString("rehearsalOf"),
        TimerPhases.fromJson(j.getJsonObject("timer")));
  }
}

package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What a followed schedule last set for one session: its times, room and whether it was there,
 * and a digest of its texts. A session whose state in Podium differs from its mark was changed in
 * Podium since, and the source no longer moves it (SourcePlan) until staff release it.
 */
public record SourceMark(Instant start, Instant end, String room, boolean cancelled, String content) {

  /** As the session stands now. */
  public static SourceMark of(Session s) {
    return new SourceMark(s.start(), s.end(), s.room(), s.status() == Session.Status.CANCELLED, content(s));
  }

  /** Before any release was followed: the session's plan (as imported) and its texts as they are. */
  public static SourceMark planned(Session s) {
    return new SourceMark(s.plannedStart(), s.plannedEnd(), s.plannedRoom(), false, content(s));
  }

  /** Same times, room and presence. */
  public boolean sameSlot(SourceMark other) {
    return start.equals(other.start) && end.equals(other.end) && room.equals(other.room) && cancelled == other.cancelled;
  }

  SourceMark withContent(String newContent) {
    return new SourceMark(start, end, room, cancelled, newContent);
  }

  SourceMark withSlot(SourceMark slot) {
    return new SourceMark(slot.start, slot.end, slot.room, slot.cancelled, content);
  }

  /** A digest of what the source says of a session besides its slot (String and List hashes are specified). */
  static String content(Session s) {
    return Integer.toHexString(Objects.hash(s.type().name(), s.title().en(), s.title().zh(), s.description().en(),
        s.description().zh(), s.speakers()));
  }

  public JsonObject toJson() {
    return new JsonObject().put("start", start.toString()).put("end", end.toString()).put("room", room)
        .put("cancelled", cancelled).put("content", content);
  }

  public static SourceMark fromJson(JsonObject j) {
    return new SourceMark(Instant.parse(j.getString("start")), Instant.parse(j.getString("end")), j.getString("room"),
        j.getBoolean("cancelled", false), j.getString("content", ""));
  }
}

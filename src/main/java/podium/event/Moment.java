package podium.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A time as staff wrote it: exact (with an offset) or venue-local (without one). A command is parsed
 * before the event is locked, so a local time is read in the event's zone only by the rule.
 */
public record Moment(Instant exact, LocalDateTime local) {

  public static Moment exact(Instant at) {
    return new Moment(at, null);
  }

  public static Moment local(LocalDateTime at) {
    return new Moment(null, at);
  }

  public Instant in(ZoneId zone) {
    return exact != null ? exact : local.atZone(zone).toInstant();
  }
}

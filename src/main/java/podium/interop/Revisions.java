package podium.interop;

import java.time.Instant;
import java.util.Map;

/**
 * How often, and when last, each session changed, read from the event's change log: what an
 * iCalendar SEQUENCE and DTSTAMP need, the same on every node. touches: the session.* changes
 * that named each session; replaces: how many imports replaced the agenda (each may change any
 * session, so each raises every SEQUENCE); modified: the event's last change of any kind.
 */
public record Revisions(Map<String, Integer> touches, Map<String, Instant> touched, int replaces,
    Instant replacedAt, Instant modified) {

  public Revisions {
    touches = Map.copyOf(touches);
    touched = Map.copyOf(touched);
  }

  /** Rises with every change to the session, and with every replace. */
  public int sequence(String session) {
    return touches.getOrDefault(session, 0) + replaces;
  }

  /** When the session last changed: its own last change, the last replace, or the event's start. */
  public Instant stamp(String session) {
    Instant at = touched.get(session);
    Instant last = replacedAt != null && (at == null || replacedAt.isAfter(at)) ? replacedAt : at;
    return last != null ? last : modified;
  }
}

package podium.live;

import podium.event.Audience;

/**
 * One version of one event, encoded once per audience (frames[audience.ordinal()]): a change frame
 * or, where hidden, a skip. A change addressed to one screen (screen.*) goes in full to staff and
 * to that screen. committedAtMs: when it was committed, by PostgreSQL's clock, for delivery times;
 * madeNanos: when this node's feed made it (System.nanoTime), where the fan-out histogram starts.
 */
public record Delta(EventState origin, long version, SharedFrame[] frames, String screen, long committedAtMs,
    long madeNanos) {

  public long eventId() {
    return origin.id();
  }

  public SharedFrame frameFor(Audience audience, String clientScreen) {
    Audience as = screen != null && screen.equals(clientScreen) && !audience.sees(Audience.STAFF) ? Audience.STAFF
        : audience;
    return frames[as.ordinal()];
  }
}

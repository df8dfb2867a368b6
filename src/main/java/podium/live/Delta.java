package podium.live;

import podium.event.Audience;

/** One version of one event, encoded once per audience: a change frame or, where hidden, a skip. */
public record Delta(long eventId, long version, SharedFrame publicFrame, SharedFrame staffFrame) {

  public SharedFrame frameFor(Audience audience) {
    return audience == Audience.STAFF ? staffFrame : publicFrame;
  }
}

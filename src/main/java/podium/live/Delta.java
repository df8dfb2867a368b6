package podium.live;

import podium.event.Audience;

/**
 * One version of one event, encoded once per audience: a change frame or, where hidden, a skip.
 * A change addressed to one screen (screen.*) goes in full to staff and to that screen.
 */
public record Delta(EventState origin, long version, SharedFrame publicFrame, SharedFrame staffFrame, String screen) {

  public long eventId() {
    return origin.id();
  }

  public SharedFrame frameFor(Audience audience, String clientScreen) {
    return audience == Audience.STAFF || (screen != null && screen.equals(clientScreen)) ? staffFrame : publicFrame;
  }
}

package podium.interop;

import java.util.List;
import java.util.Map;
import podium.event.Award;
import podium.event.Event;

/**
 * What an existing event tells a replacing import: the session id each known guid belongs to (so
 * stars on phones survive), the room id of each known room name (so screens stay assigned), the
 * event itself (title and venue when the file has none) and its awards (kept where their session is).
 */
public record Hints(Map<String, String> sessionByGuid, Map<String, String> roomByName, Event event,
    List<Award> awards) {

  public static final Hints NONE = new Hints(Map.of(), Map.of(), null, List.of());

  public Hints {
    sessionByGuid = Map.copyOf(sessionByGuid);
    roomByName = Map.copyOf(roomByName);
    awards = List.copyOf(awards);
  }
}

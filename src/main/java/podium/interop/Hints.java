package podium.interop;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import podium.event.Agenda;
import podium.event.Award;
import podium.event.Event;
import podium.event.Room;
import podium.event.Session;

/**
 * What an existing event tells a file read into it: the session id each known guid belongs to (so
 * stars on phones survive), the room id of each known room name (so screens stay assigned), the
 * event itself (title and venue when the file has none), its awards (kept where their session is)
 * and, when the file is followed rather than replacing the event, the ids of the sessions that
 * came from it, which no new session may take.
 */
public record Hints(Map<String, String> sessionByGuid, Map<String, String> roomByName, Event event,
    List<Award> awards, Set<String> takenSessions) {

  public static final Hints NONE = new Hints(Map.of(), Map.of(), null, List.of(), Set.of());

  public Hints {
    sessionByGuid = Map.copyOf(sessionByGuid);
    roomByName = Map.copyOf(roomByName);
    awards = List.copyOf(awards);
    takenSessions = Set.copyOf(takenSessions);
  }

  /** For a file that replaces the agenda. guids: the guid each session had in its file, by session id. */
  public static Hints replacing(Agenda agenda, Map<String, String> guids) {
    return new Hints(byGuid(agenda, guids), byName(agenda), agenda.event(), agenda.awards(), Set.of());
  }

  /** For a followed file's new release: its sessions keep their ids, and a new one takes none of theirs. */
  public static Hints following(Agenda agenda, Map<String, String> guids) {
    return new Hints(byGuid(agenda, guids), byName(agenda), agenda.event(), List.of(), guids.keySet());
  }

  /** Every guid a session is known by (from its file, and Podium's own) to its id. */
  private static Map<String, String> byGuid(Agenda agenda, Map<String, String> guids) {
    Map<String, String> byGuid = new HashMap<>();
    for (Session s : agenda.sessions()) {
      byGuid.put(Guids.session(agenda.event().slug(), s.id()).toString(), s.id());
      String fromFile = guids.get(s.id());
      if (fromFile != null) {
        byGuid.put(fromFile, s.id());
      }
    }
    return byGuid;
  }

  private static Map<String, String> byName(Agenda agenda) {
    Map<String, String> byName = new HashMap<>();
    for (Room room : agenda.rooms()) {
      for (String name : List.of(room.name().zh(), room.name().en())) {
        if (!name.isBlank()) {
          byName.put(name.strip().toLowerCase(Locale.ROOT), room.id());
        }
      }
    }
    return byName;
  }
}

package podium.interop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import podium.event.Agenda;
import podium.event.Award;
import podium.event.Event;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;
import podium.event.Text;

/**
 * Turns a frab/pretalx draft into an Agenda: ids for rooms, speakers and sessions (kept from the
 * event it replaces where a guid or room name matches), times in the event's zone, the days.
 */
final class AgendaBuilder {

  /** Reports how far it is, for the import command on big files. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total) -> { };

    void sessions(int done, int total);
  }

  private final Draft draft;
  private final Hints hints;
  private final Problems problems = new Problems();
  private final Map<String, String> roomIds = new LinkedHashMap<>();
  private final List<Room> rooms = new ArrayList<>();
  private final Map<String, Speaker> speakers = new LinkedHashMap<>();
  private final Ids speakerIds = new Ids();

  AgendaBuilder(Draft draft, Hints hints) {
    this.draft = draft;
    this.hints = hints;
  }

  Imported build(String slug, ScheduleFormat format, Progress progress) {
    DraftTimes times = new DraftTimes(draft, problems);
    rooms();
    Ids sessionIds = new Ids();
    Map<Draft.Item, String> kept = new HashMap<>();
    for (Draft.Item i : draft.sessions()) {
      String id = i.guid() == null ? null : hints.sessionByGuid().get(i.guid());
      if (id != null && sessionIds.reserve(id)) {
        kept.put(i, id);
      }
    }
    hints.takenSessions().forEach(sessionIds::reserve);
    List<Session> sessions = new ArrayList<>();
    Map<String, String> guids = new HashMap<>();
    int n = 0;
    for (Draft.Item i : draft.sessions()) {
      Session s = session(i, times, kept.containsKey(i) ? kept.get(i) : sessionIds.claim("session-" + (n + 1),
          localSlug(i), i.slug(), i.title().en(), i.title().zh(), i.code(), i.guid()));
      if (s != null) {
        sessions.add(s);
        if (i.guid() != null && guids.putIfAbsent(s.id(), i.guid()) != null) {
          problems.warn(i.where() + " repeats a guid; it is kept for the first session only");
        }
      }
      if (++n % 250 == 0) {
        progress.sessions(n, draft.sessions().size());
      }
    }
    problems.refuseIfAny();
    ZoneId zone = times.zone();
    Event old = hints.event();
    // A replace keeps the event's clock and what it rehearses; a new event runs on real time.
    Event event = new Event(slug, text(draft.title(), old == null ? null : old.title()),
        old == null ? Text.EMPTY : old.venue(), zone, days(sessions, zone), old == null ? null : old.clock(),
        old == null ? null : old.rehearsalOf());
    Agenda agenda = new Agenda(event, rooms, sessions, List.copyOf(speakers.values()), List.of(), null,
        awards(sessions), List.of());
    return new Imported(format, draft.generator(), agenda, guids, problems.warnings(), kept.size());
  }

  private void rooms() {
    Ids ids = new Ids();
    hints.roomByName().values().forEach(ids::reserve);
    for (Draft.Room r : draft.rooms()) {
      room(r, ids);
    }
    for (Draft.Item i : draft.sessions()) {
      if (i.room() != null && !roomIds.containsKey(i.room())) {
        problems.warn("room '" + i.room() + "' is used by sessions but not in the room list: added");
        room(new Draft.Room(i.room(), Bilingual.of(i.room(), null), null, null), ids);
      }
    }
  }

  private void room(Draft.Room r, Ids ids) {
    if (roomIds.containsKey(r.key())) {
      return;
    }
    String known = known(r.name().en());
    known = known != null ? known : known(r.name().zh());
    String id = known != null && !roomIds.containsValue(known) ? known
        : ids.claim("room-" + (rooms.size() + 1), r.slug(), r.name().en(), r.name().zh(), r.key());
    roomIds.put(r.key(), id);
    rooms.add(new Room(id, r.name().isBlank() ? Bilingual.of(r.key(), null) : r.name(),
        SessionTypes.roomKind(r.type()), rooms.size()));
  }

  /** The id of the replaced event's room of that name, or null. */
  private String known(String name) {
    return name.isBlank() ? null : hints.roomByName().get(name.strip().toLowerCase(Locale.ROOT));
  }

  private Session session(Draft.Item i, DraftTimes times, String id) {
    if (i.title().isBlank()) {
      problems.add(i.where(), "title", "is missing");
    }
    if (i.room() == null) {
      problems.add(i.where(), "room", "is missing");
    }
    DraftTimes.Slot slot = times.slot(i);
    if (slot == null || i.title().isBlank() || i.room() == null) {
      return null;
    }
    List<String> who = new ArrayList<>();
    for (Draft.Person p : i.persons()) {
      Speaker known = speakers.computeIfAbsent(p.key(), k -> new Speaker(
          speakerIds.claim("speaker-" + (speakers.size() + 1), p.name().en(), p.name().zh(),
              p.key().startsWith("name:") ? null : p.key()),
          cut(p.name(), i.where(), "persons"), Text.EMPTY, Text.EMPTY));
      if (!who.contains(known.id())) {
        who.add(known.id());
      }
    }
    if (!slot.start().atZone(times.zone()).toLocalDate().equals(slot.end().minusNanos(1).atZone(times.zone()).toLocalDate())) {
      problems.warn(i.where() + " runs past midnight: Podium cuts days at midnight, so it cannot be delayed");
    }
    String room = roomIds.get(i.room());
    return new Session(id, SessionTypes.of(i.type()), room, room, cut(i.title(), i.where(), "title"),
        cut(i.description(), i.where(), "abstract"), slot.start(), slot.end(), slot.start(), slot.end(),
        Session.Status.SCHEDULED, who, Text.EMPTY, null, null);
  }

  /** The file's days, with days that hold no session, and any date a session falls on. */
  private List<LocalDate> days(List<Session> sessions, ZoneId zone) {
    TreeSet<LocalDate> days = new TreeSet<>();
    draft.days().stream().map(Draft.Day::date).filter(d -> d != null).forEach(days::add);
    sessions.forEach(s -> days.add(s.start().atZone(zone).toLocalDate()));
    return List.copyOf(days);
  }

  /** A replace keeps the event's awards whose session is still there; the others go, with a warning. */
  private List<Award> awards(List<Session> sessions) {
    List<Award> kept = new ArrayList<>();
    for (Award a : hints.awards()) {
      if (sessions.stream().anyMatch(s -> s.id().equals(a.session()))) {
        kept.add(a);
      } else {
        problems.warn("award '" + a.id() + "' is dropped: its session '" + a.session() + "' is not in the file");
      }
    }
    return kept;
  }

  private Text cut(Text t, String where, String field) {
    if (t.en().length() <= Text.MAX_LENGTH && t.zh().length() <= Text.MAX_LENGTH) {
      return t;
    }
    problems.warn(where + ": '" + field + "' is cut to " + Text.MAX_LENGTH + " characters");
    return new Text(cutString(t.en()), cutString(t.zh()));
  }

  private static String cutString(String s) {
    return s.length() <= Text.MAX_LENGTH ? s : s.substring(0, Text.MAX_LENGTH - 1) + "…";
  }

  private static Text text(Text fromFile, Text otherwise) {
    return fromFile.isBlank() && otherwise != null ? otherwise : fromFile;
  }

  /** frab slugs are "acronym-id-title" ("36c3-123-title"), Podium's "acronym-id": the session's own part. */
  private String localSlug(Draft.Item i) {
    String acronym = draft.acronym();
    if (i.slug() == null || acronym == null) {
      return null;
    }
    String slug = i.slug().toLowerCase(Locale.ROOT);
    String prefix = acronym.toLowerCase(Locale.ROOT) + "-";
    if (!slug.startsWith(prefix)) {
      return null;
    }
    String own = slug.substring(prefix.length());
    return i.number() != null && own.startsWith(i.number() + "-") ? own.substring(i.number().length() + 1) : own;
  }
}

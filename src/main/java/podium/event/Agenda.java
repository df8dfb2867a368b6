package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole state of one event at one version. Immutable: a change makes a new Agenda. Screens and
 * cues are staff-only state.
 */
public record Agenda(Event event, List<Room> rooms, List<Session> sessions, List<Speaker> speakers,
    List<Announcement> announcements, Notice notice, List<Award> awards, List<Screen> screens, List<Cue> cues) {

  /** An agenda with no cues yet. */
  public Agenda(Event event, List<Room> rooms, List<Session> sessions, List<Speaker> speakers,
      List<Announcement> announcements, Notice notice, List<Award> awards, List<Screen> screens) {
    this(event, rooms, sessions, speakers, announcements, notice, awards, screens, List.of());
  }

  public Agenda {
    cues = cues.stream().sorted(Comparator.comparingInt(Cue::position).thenComparing(Cue::id)).toList();
    rooms = rooms.stream().sorted(Comparator.comparingInt(Room::position)).toList();
    sessions = sessions.stream().sorted(Comparator.comparing(Session::start).thenComparing(Session::id)).toList();
    speakers = List.copyOf(speakers);
    announcements = announcements.stream().sorted(Comparator.comparing(Announcement::postedAt)).toList();
    awards = List.copyOf(awards);
    screens = List.copyOf(screens);
  }

  /** The same agenda with no cue list (tests that run the demo without its run of show). */
  public Agenda withoutCues() {
    return new Agenda(event, rooms, sessions, speakers, announcements, notice, awards, screens, List.of());
  }

  public Optional<Session> session(String id) {
    return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Room> room(String id) {
    return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Speaker> speaker(String id) {
    return speakers.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Screen> screen(String id) {
    return screens.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Cue> cue(String id) {
    return cues.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Award> award(String id) {
    return awards.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Applies a change by replacing every entity it touched, by id. */
  public Agenda apply(Change change) {
    return apply(change.touched());
  }

  public Agenda apply(Touched t) {
    List<Announcement> newAnnouncements = upsert(announcements, t.announcements(), Announcement::id).stream()
        .filter(a -> !t.clearedAnnouncements().contains(a.id())).toList();
    List<Award> newAwards = upsert(awards, t.awards(), Award::id);
    for (Award.Result result : t.results()) {
      newAwards = newAwards.stream().map(a -> a.id().equals(result.award()) ? a.withResult(result) : a).toList();
    }
    return new Agenda(t.event() != null ? t.event() : event, upsert(rooms, t.rooms(), Room::id),
        upsert(sessions, t.sessions(), Session::id), upsert(speakers, t.speakers(), Speaker::id), newAnnouncements,
        t.noticeSet() ? t.notice() : notice, newAwards, upsert(screens, t.screens(), Screen::id),
        upsert(cues, t.cues(), Cue::id).stream().filter(c -> !t.removedCues().contains(c.id())).toList());
  }

  private static <T> List<T> upsert(List<T> current, List<T> updates, Function<T, String> id) {
    if (updates.isEmpty()) {
      return current;
    }
    Map<String, T> byId = current.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a, LinkedHashMap::new));
    for (T t : updates) {
      byId.put(id.apply(t), t);
    }
    return List.copyOf(byId.values());
  }

  /** The snapshot body for an audience; the caller adds version and epoch. */
  public JsonObject toJson(Audience audience) {
    JsonObject json = new JsonObject()
        .put("event", event.toJson())
        .put("rooms", new JsonArray(rooms.stream().map(Room::toJson).toList()))
        .put("sessions", new JsonArray(sessions.stream().map(Session::toJson).toList()))
        .put("speakers", new JsonArray(speakers.stream().map(Speaker::toJson).toList()))
        .put("announcements", new JsonArray(announcements.stream().map(Announcement::toJson).toList()))
        .put("notice", notice == null ? null : notice.toJson())
        .put("awards", new JsonArray(awards.stream().map(a -> a.toJson(audience)).toList()));
    return audience.sees(Audience.STAFF)
        ? json.put("screens", new JsonArray(screens.stream().map(Screen::toJson).toList()))
            .put("cues", new JsonArray(cues.stream().map(Cue::toJson).toList())) : json;
  }
}

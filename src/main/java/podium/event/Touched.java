package podium.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The new state of every entity one change touched: applying a change replaces them by id, in
 * memory (Agenda.apply), in the tables, and in live.js. A notice is set or cleared when noticeSet;
 * event, when not null, replaces the event's own settings (its clock among them). Results are
 * replaced by award, rank and nominee; awards (whole, with nominees and results) by id.
 */
public record Touched(List<Session> sessions, List<Room> rooms, List<Speaker> speakers,
    List<Announcement> announcements, List<String> clearedAnnouncements, boolean noticeSet, Notice notice,
    List<Award.Result> results, List<Award> awards, List<Screen> screens, Event event, List<Cue> cues,
    List<String> removedCues) {

  public static final Touched NOTHING = new Touched(List.of(), List.of(), List.of(), List.of(), List.of(), false, null,
      List.of(), List.of(), List.of(), null, List.of(), List.of());

  public Touched {
    sessions = List.copyOf(sessions);
    rooms = List.copyOf(rooms);
    speakers = List.copyOf(speakers);
    announcements = List.copyOf(announcements);
    clearedAnnouncements = List.copyOf(clearedAnnouncements);
    results = List.copyOf(results);
    awards = List.copyOf(awards);
    screens = List.copyOf(screens);
    cues = List.copyOf(cues);
    removedCues = List.copyOf(removedCues);
  }

  public static Touched sessions(List<Session> sessions) {
    return NOTHING.withSessions(sessions);
  }

  public static Touched announcement(Announcement posted) {
    return NOTHING.withAnnouncements(List.of(posted));
  }

  public static Touched cleared(String announcement) {
    return NOTHING.withCleared(List.of(announcement));
  }

  /** notice null: the emergency notice is cleared. */
  public static Touched notice(Notice notice) {
    return new Touched(List.of(), List.of(), List.of(), List.of(), List.of(), true, notice, List.of(), List.of(),
        List.of(), null, List.of(), List.of());
  }

  public static Touched results(List<Award.Result> results) {
    return NOTHING.with(results, NOTHING.awards(), NOTHING.screens(), null);
  }

  public static Touched award(Award award) {
    return NOTHING.with(List.of(), List.of(award), List.of(), null);
  }

  public static Touched screen(Screen screen) {
    return NOTHING.with(List.of(), List.of(), List.of(screen), null);
  }

  public static Touched event(Event event) {
    return NOTHING.with(List.of(), List.of(), List.of(), event);
  }

  public static Touched room(Room room) {
    return new Touched(List.of(), List.of(room), List.of(), List.of(), List.of(), false, null, List.of(), List.of(),
        List.of(), null, List.of(), List.of());
  }

  public static Touched speaker(Speaker speaker) {
    return new Touched(List.of(), List.of(), List.of(speaker), List.of(), List.of(), false, null, List.of(), List.of(),
        List.of(), null, List.of(), List.of());
  }

  public static Touched cue(Cue cue) {
    return NOTHING.withCues(List.of(cue), List.of());
  }

  public static Touched removedCue(String cue) {
    return NOTHING.withCues(List.of(), List.of(cue));
  }

  public Touched withSessions(List<Session> list) {
    return new Touched(list, rooms, speakers, announcements, clearedAnnouncements, noticeSet, notice, results, awards,
        screens, event, cues, removedCues);
  }

  public Touched withAnnouncements(List<Announcement> list) {
    return new Touched(sessions, rooms, speakers, list, clearedAnnouncements, noticeSet, notice, results, awards,
        screens, event, cues, removedCues);
  }

  public Touched withCleared(List<String> list) {
    return new Touched(sessions, rooms, speakers, announcements, list, noticeSet, notice, results, awards, screens,
        event, cues, removedCues);
  }

  public Touched withCues(List<Cue> saved, List<String> removed) {
    return new Touched(sessions, rooms, speakers, announcements, clearedAnnouncements, noticeSet, notice, results,
        awards, screens, event, saved, removed);
  }

  private Touched with(List<Award.Result> newResults, List<Award> newAwards, List<Screen> newScreens, Event newEvent) {
    return new Touched(sessions, rooms, speakers, announcements, clearedAnnouncements, noticeSet, notice, newResults,
        newAwards, newScreens, newEvent, cues, removedCues);
  }

  /**
   * What it names, as "kind:id": two changes conflict when they touch a name in common. A result
   * names its award, since results are edited and revealed award by award.
   */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    sessions.forEach(s -> names.add("session:" + s.id()));
    rooms.forEach(r -> names.add("room:" + r.id()));
    speakers.forEach(s -> names.add("speaker:" + s.id()));
    announcements.forEach(a -> names.add("announcement:" + a.id()));
    clearedAnnouncements.forEach(a -> names.add("announcement:" + a));
    if (noticeSet) {
      names.add("notice");
    }
    results.forEach(r -> names.add("award:" + r.award()));
    awards.forEach(a -> names.add("award:" + a.id()));
    screens.forEach(s -> names.add("screen:" + s.id()));
    if (event != null) {
      names.add("event");
    }
    cues.forEach(c -> names.add("cue:" + c.id()));
    removedCues.forEach(c -> names.add("cue:" + c));
    return names;
  }

  public boolean isEmpty() {
    return names().isEmpty();
  }
}

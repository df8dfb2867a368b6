package podium.event;

import java.util.List;

/**
 * The new state of every entity one change touched: applying a change replaces them by id, in
 * memory (Agenda.apply), in the tables, and in live.js. A notice is set or cleared when noticeSet;
 * event, when not null, replaces the event's own settings (its clock among them).
 */
public record Touched(List<Session> sessions, List<Announcement> announcements, List<String> clearedAnnouncements,
    boolean noticeSet, Notice notice, List<Award.Result> results, List<Screen> screens, Event event) {

  public static final Touched NOTHING = new Touched(List.of(), List.of(), List.of(), false, null, List.of(), List.of(),
      null);

  public Touched {
    sessions = List.copyOf(sessions);
    announcements = List.copyOf(announcements);
    clearedAnnouncements = List.copyOf(clearedAnnouncements);
    results = List.copyOf(results);
    screens = List.copyOf(screens);
  }

  public static Touched sessions(List<Session> sessions) {
    return new Touched(sessions, List.of(), List.of(), false, null, List.of(), List.of(), null);
  }

  public static Touched announcement(Announcement posted) {
    return new Touched(List.of(), List.of(posted), List.of(), false, null, List.of(), List.of(), null);
  }

  public static Touched cleared(String announcement) {
    return new Touched(List.of(), List.of(), List.of(announcement), false, null, List.of(), List.of(), null);
  }

  /** notice null: the emergency notice is cleared. */
  public static Touched notice(Notice notice) {
    return new Touched(List.of(), List.of(), List.of(), true, notice, List.of(), List.of(), null);
  }

  public static Touched results(List<Award.Result> results) {
    return new Touched(List.of(), List.of(), List.of(), false, null, results, List.of(), null);
  }

  public static Touched event(Event event) {
    return new Touched(List.of(), List.of(), List.of(), false, null, List.of(), List.of(), event);
  }

  public static Touched screen(Screen screen) {
    return new Touched(List.of(), List.of(), List.of(), false, null, List.of(), List.of(screen), null);
  }
}

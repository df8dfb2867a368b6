package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a schedule file changes in an event, session by session: for a followed schedule's new
 * release, the ordinary changes that bring the event in line with it (a moved talk is moved, a
 * retimed one re-planned, a removed one cancelled, a new one added), except where Podium changed
 * a session since the source last set it (its mark): those are held, and staff release them. For
 * an import that replaces an event, only the preview of what would change.
 */
public final class SourcePlan {

  /** The reason a session removed from the followed schedule is cancelled with. */
  public static final Text REMOVED = new Text("Removed from the published schedule", "已从发布的日程中移除");

  public enum Kind { ADDED, MOVED, RETIMED, UPDATED, RESTORED, CANCELLED, REMOVED, HELD, UNCHANGED }

  /** One session: what happens to it, as it is (before) and as it would be (after); held says why not all of it. */
  public record Step(Kind kind, String session, Text title, Session before, Session after, String held) {

    public JsonObject toJson() {
      return new JsonObject().put("kind", Spelling.of(kind)).put("session", session).put("title", title.toJson())
          .put("before", slot(before)).put("after", slot(after)).put("held", held);
    }

    private static JsonObject slot(Session s) {
      return s == null ? null : new JsonObject().put("start", s.start().toString()).put("end", s.end().toString())
          .put("room", s.room()).put("status", Spelling.of(s.status()));
    }
  }

  /** The steps in the file's order (then the sessions it no longer has), the changes, and the marks that moved. */
  public record Result(List<Step> steps, List<Change> changes, Map<String, SourceMark> marks) {

    /** How many sessions of each kind, and the steps that do something or are held. */
    public JsonObject toJson() {
      JsonObject counts = new JsonObject();
      for (Kind k : Kind.values()) {
        counts.put(Spelling.of(k), steps.stream().filter(s -> s.kind() == k).count());
      }
      return new JsonObject().put("counts", counts).put("changes", changes.size())
          .put("steps", new JsonArray(steps.stream().filter(s -> s.kind() != Kind.UNCHANGED).map(Step::toJson).toList()));
    }
  }

  private SourcePlan() {
  }

  /**
   * A new release of a followed schedule. marks: per session, what the source last set (absent:
   * its plan); owned: the sessions that came from the source, which it may cancel when they are gone.
   */
  public static Result follow(Agenda current, Agenda source, Map<String, SourceMark> marks, Set<String> owned) {
    Following f = new Following(current, marks);
    f.places(source);
    Set<String> inSource = new HashSet<>();
    for (Session x : source.sessions()) {
      inSource.add(x.id());
      f.session(current.session(x.id()).orElse(null), x);
    }
    for (Session s : current.sessions()) {
      if (!inSource.contains(s.id()) && owned.contains(s.id()) && s.status() != Session.Status.CANCELLED) {
        f.gone(s);
      }
    }
    return new Result(f.steps, f.changes, f.marks);
  }

  /** What replacing the event's agenda with this one would do to each session (nothing is held). */
  public static Result replace(Agenda current, Agenda incoming) {
    List<Step> steps = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (Session x : incoming.sessions()) {
      kept.add(x.id());
      Session s = current.session(x.id()).orElse(null);
      Kind kind = s == null ? Kind.ADDED : !s.room().equals(x.room()) ? Kind.MOVED
          : !s.start().equals(x.start()) || !s.end().equals(x.end()) ? Kind.RETIMED
          : !SourceMark.content(s).equals(SourceMark.content(x)) || s.status() != x.status() ? Kind.UPDATED
          : Kind.UNCHANGED;
      steps.add(new Step(kind, x.id(), x.title(), s, x, null));
    }
    current.sessions().stream().filter(s -> !kept.contains(s.id()))
        .forEach(s -> steps.add(new Step(Kind.REMOVED, s.id(), s.title(), s, null, null)));
    return new Result(steps, List.of(), Map.of());
  }

  /** One release being followed: the changes so far, and the marks they moved. */
  private static final class Following {
    private final Agenda current;
    private final Map<String, SourceMark> known;
    private final List<Step> steps = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, SourceMark> marks = new HashMap<>();

    Following(Agenda current, Map<String, SourceMark> known) {
      this.current = current;
      this.known = known;
    }

    /** New days, rooms and speakers first: the sessions after them may use them. */
    void places(Agenda source) {
      TreeSet<LocalDate> days = new TreeSet<>(current.event().days());
      source.sessions().forEach(x -> days.add(x.start().atZone(current.event().zone()).toLocalDate()));
      if (days.size() > current.event().days().size()) {
        Event e = current.event();
        changes.add(new Change.EventUpdated(new Event(e.slug(), e.title(), e.venue(), e.zone(), List.copyOf(days),
            e.clock(), e.rehearsalOf(), e.timer())));
      }
      int position = current.rooms().stream().mapToInt(Room::position).max().orElse(-1);
      for (Room r : source.rooms()) {
        Room known = current.room(r.id()).orElse(null);
        if (known == null) {
          changes.add(new Change.RoomChanged(ChangeKind.ROOM_ADDED, new Room(r.id(), r.name(), r.kind(), ++position)));
        } else if (!known.name().equals(r.name())) {
          changes.add(new Change.RoomChanged(ChangeKind.ROOM_UPDATED,
              new Room(known.id(), r.name(), known.kind(), known.position(), known.stage())));
        }
      }
      for (Speaker p : source.speakers()) {
        if (current.speaker(p.id()).isEmpty()) {
          changes.add(new Change.SpeakerChanged(ChangeKind.SPEAKER_ADDED, p));
        }
      }
    }

    void session(Session s, Session x) {
      SourceMark want = SourceMark.of(x);
      if (s == null) {
        changes.add(new Change.SessionChanged(ChangeKind.SESSION_ADDED, x.id(), List.of(x)));
        marks.put(x.id(), want);
        steps.add(new Step(Kind.ADDED, x.id(), x.title(), null, x, null));
        return;
      }
      SourceMark mark = mark(s);
      SourceMark now = SourceMark.of(s);
      boolean slotHeld = started(s) || !now.sameSlot(mark);
      boolean textHeld = !now.content().equals(mark.content());
      boolean slotDiffers = !now.sameSlot(want);
      boolean textDiffers = !now.content().equals(want.content());
      Session next = s;
      SourceMark nextMark = mark;
      if (textDiffers && !textHeld) {
        next = next.withContent(x.type(), x.title(), x.description(), x.speakers());
        nextMark = nextMark.withContent(want.content());
      }
      if (slotDiffers && !slotHeld) {
        next = next.replanned(x.room(), x.start(), x.end());
        next = s.status() == Session.Status.CANCELLED ? next.withStatus(Session.Status.SCHEDULED, Text.EMPTY) : next;
        nextMark = nextMark.withSlot(want);
      }
      String held = slotDiffers && slotHeld ? (started(s) ? "started" : "changed in Podium")
          : textDiffers && textHeld ? "edited in Podium" : null;
      if (!nextMark.equals(known.get(s.id()))) {
        marks.put(s.id(), nextMark);
      }
      if (next.equals(s)) {
        steps.add(new Step(held != null ? Kind.HELD : Kind.UNCHANGED, s.id(), s.title(), s, x, held));
        return;
      }
      Kind kind = s.status() == Session.Status.CANCELLED && next.status() != s.status() ? Kind.RESTORED
          : !next.room().equals(s.room()) ? Kind.MOVED
          : !next.start().equals(s.start()) || !next.end().equals(s.end()) ? Kind.RETIMED : Kind.UPDATED;
      changes.add(kind == Kind.MOVED ? new Change.SessionMoved(s.id(), List.of(next), s.room(), next.room())
          : new Change.SessionChanged(kind == Kind.RESTORED ? ChangeKind.SESSION_RESTORED : ChangeKind.SESSION_UPDATED,
              s.id(), List.of(next)));
      steps.add(new Step(kind, s.id(), next.title(), s, next, held));
    }

    /** A session the source no longer has: cancelled, unless Podium changed it since. */
    void gone(Session s) {
      if (started(s) || !SourceMark.of(s).sameSlot(mark(s))) {
        steps.add(new Step(Kind.HELD, s.id(), s.title(), s, null, started(s) ? "started" : "changed in Podium"));
        return;
      }
      Session cancelled = s.withStatus(Session.Status.CANCELLED, REMOVED);
      changes.add(new Change.SessionChanged(ChangeKind.SESSION_CANCELLED, s.id(), List.of(cancelled)));
      marks.put(s.id(), SourceMark.of(cancelled).withContent(mark(s).content()));
      steps.add(new Step(Kind.CANCELLED, s.id(), s.title(), s, cancelled, null));
    }

    private SourceMark mark(Session s) {
      SourceMark m = known.get(s.id());
      return m != null ? m : SourceMark.planned(s);
    }

    private static boolean started(Session s) {
      return s.status() == Session.Status.LIVE || s.status() == Session.Status.ENDED;
    }
  }
}

package podium.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the entities a change touches were just before it: the change log keeps it beside the
 * change, so that an undo can put them back, and a conflict can show them. complete is false when
 * the change made something new (an added session, room, speaker, award or a paired screen),
 * which an undo cannot take away.
 */
public record Before(Touched state, boolean complete) {

  public static Before of(Agenda agenda, Touched after) {
    boolean[] complete = {true};
    List<Announcement> announcements = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    for (Announcement posted : after.announcements()) {
      find(agenda.announcements(), Announcement::id, posted.id()).ifPresentOrElse(announcements::add,
          () -> cleared.add(posted.id()));
    }
    for (String gone : after.clearedAnnouncements()) {
      find(agenda.announcements(), Announcement::id, gone).ifPresent(announcements::add);
    }
    List<Award> awards = new ArrayList<>(current(agenda.awards(), Award::id, after.awards(), complete));
    for (Award.Result r : after.results()) {
      agenda.award(r.award()).filter(a -> !awards.contains(a)).ifPresent(awards::add);
    }
    Touched state = new Touched(current(agenda.sessions(), Session::id, after.sessions(), complete),
        current(agenda.rooms(), Room::id, after.rooms(), complete),
        current(agenda.speakers(), Speaker::id, after.speakers(), complete), announcements, cleared,
        after.noticeSet(), after.noticeSet() ? agenda.notice() : null, List.of(), awards,
        current(agenda.screens(), Screen::id, after.screens(), complete),
        after.event() == null ? null : agenda.event(), cues(agenda, after, complete), List.of());
    return new Before(state, complete[0]);
  }

  /** Saved cues as they were (a new one: incomplete), and removed ones, to be saved back. */
  private static List<Cue> cues(Agenda agenda, Touched after, boolean[] complete) {
    List<Cue> out = new ArrayList<>(current(agenda.cues(), Cue::id, after.cues(), complete));
    after.removedCues().forEach(id -> agenda.cue(id).ifPresent(out::add));
    return out;
  }

  /** True when the agenda still holds exactly what the change left: nobody has changed any of it since. */
  public static boolean unchangedSince(Agenda agenda, Touched after) {
    return after.sessions().stream().allMatch(s -> agenda.session(s.id()).filter(s::equals).isPresent())
        && after.rooms().stream().allMatch(r -> agenda.room(r.id()).filter(r::equals).isPresent())
        && after.speakers().stream().allMatch(p -> agenda.speaker(p.id()).filter(p::equals).isPresent())
        && after.announcements().stream().allMatch(agenda.announcements()::contains)
        && after.clearedAnnouncements().stream().noneMatch(id -> find(agenda.announcements(), Announcement::id, id).isPresent())
        && (!after.noticeSet() || java.util.Objects.equals(after.notice(), agenda.notice()))
        && after.results().stream().allMatch(r -> agenda.award(r.award()).filter(a -> a.results().contains(r)).isPresent())
        && after.awards().stream().allMatch(a -> agenda.award(a.id()).filter(a::equals).isPresent())
        && after.screens().stream().allMatch(s -> agenda.screen(s.id()).filter(s::equals).isPresent())
        && (after.event() == null || after.event().equals(agenda.event()))
        && after.cues().stream().allMatch(c -> agenda.cue(c.id()).filter(c::equals).isPresent())
        && after.removedCues().stream().noneMatch(id -> agenda.cue(id).isPresent());
  }

  private static <T> List<T> current(List<T> now, Function<T, String> id, List<T> touched, boolean[] complete) {
    List<T> out = new ArrayList<>();
    for (T t : touched) {
      Optional<T> found = find(now, id, id.apply(t));
      found.ifPresent(out::add);
      complete[0] &= found.isPresent();
    }
    return out;
  }

  private static <T> Optional<T> find(List<T> list, Function<T, String> id, String wanted) {
    return list.stream().filter(t -> id.apply(t).equals(wanted)).findFirst();
  }
}

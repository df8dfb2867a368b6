package podium.event;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stage crew's commands do to a room's stage (Stage) and to timer phases, and how a
 * room's running-late projection is published or a session left out of it. Pure.
 */
final class CrewRules {

  private CrewRules() {
  }

  static Change message(Agenda agenda, Command.StageMessage c, Facts facts) {
    Room room = room(agenda, c.room());
    if (room.stage().message().equals(c.text())) {
      throw CommandRejected.invalidState(c.text().isBlank() ? "'" + c.room() + "' shows no message"
          : "'" + c.room() + "' already shows that message");
    }
    return stage(ChangeKind.STAGE_MESSAGE, room, room.stage().withMessage(c.text()));
  }

  /** Timer screens flash if the flash is fresh when they get it (real time: it plays in real seconds). */
  static Change flash(Agenda agenda, Command.Flash c, Facts facts) {
    Room room = room(agenda, c.room());
    return stage(ChangeKind.STAGE_FLASHED, room, room.stage().flashed(facts.real()));
  }

  static Change blackout(Agenda agenda, Command.Blackout c, Facts facts) {
    Room room = room(agenda, c.room());
    if (room.stage().blackout() == c.on()) {
      throw CommandRejected.invalidState("'" + c.room() + "' timers are already " + (c.on() ? "dark" : "lit"));
    }
    return stage(ChangeKind.STAGE_BLACKOUT, room, room.stage().withBlackout(c.on()));
  }

  static Change timer(Agenda agenda, Command.SetTimer c, Facts facts) {
    if (c.session() == null) {
      if (agenda.event().timer().equals(c.phases())) {
        throw CommandRejected.invalidState("the event's timers already use those phases");
      }
      return new Change.EventUpdated(agenda.event().withTimer(c.phases()));
    }
    Session s = agenda.session(c.session()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION,
        c.session()));
    if (c.phases().equals(s.timer())) {
      throw CommandRejected.invalidState("'" + s.id() + "' already uses those phases");
    }
    return new Change.SessionChanged(ChangeKind.SESSION_UPDATED, s.id(), List.of(s.withTimer(c.phases())));
  }

  /** Only when it moved by a whole minute: the stage clock asks often, and a refusal costs no version. */
  static Change project(Agenda agenda, Command.Project c, Facts facts) {
    Room room = room(agenda, c.room());
    List<String> dismissed = stillWaiting(agenda, room.stage().dismissed());
    List<RunningLate.Expected> expected = shown(RunningLate.at(agenda, facts.now()).room(room.id()), dismissed);
    if (expected.equals(room.stage().expected()) && dismissed.equals(room.stage().dismissed())) {
      throw CommandRejected.invalidState("'" + room.id() + "' is where it was expected");
    }
    return stage(ChangeKind.ROOM_RUNNING_LATE, room, room.stage().withExpected(expected).withDismissed(dismissed));
  }

  static Change dismiss(Agenda agenda, Command.Dismiss c, Facts facts) {
    Session s = agenda.session(c.session()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION,
        c.session()));
    Room room = room(agenda, s.room());
    if (room.stage().dismissed().contains(s.id())) {
      throw CommandRejected.invalidState("'" + s.id() + "' is already left out of the projection");
    }
    List<String> dismissed = new ArrayList<>(room.stage().dismissed());
    dismissed.add(s.id());
    return stage(ChangeKind.ROOM_RUNNING_LATE, room, room.stage().withDismissed(dismissed)
        .withExpected(shown(room.stage().expected(), dismissed)));
  }

  /** A session stays dismissed until it starts (or is no longer scheduled): then nothing is left to expect of it. */
  private static List<String> stillWaiting(Agenda agenda, List<String> dismissed) {
    return dismissed.stream().filter(id -> agenda.session(id).map(s -> s.status() == Session.Status.SCHEDULED)
        .orElse(false)).toList();
  }

  private static List<RunningLate.Expected> shown(List<RunningLate.Expected> expected, List<String> dismissed) {
    return expected.stream().filter(e -> !dismissed.contains(e.session())).toList();
  }

  private static Room room(Agenda agenda, String id) {
    return agenda.room(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, id));
  }

  private static Change stage(ChangeKind kind, Room room, Stage stage) {
    return new Change.RoomChanged(kind, room.withStage(stage));
  }
}

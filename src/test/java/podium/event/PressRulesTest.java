package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static podium.event.ProjectionTest.at;
import static podium.event.ProjectionTest.run;
import static podium.event.ProjectionTest.start;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** What a stage manager's button means on the demo agenda at a moment of its day (venue-local times). */
@Tag("unit")
class PressRulesTest {

  private final Agenda demo = DemoEvent.agenda().withoutCues();

  private static String session(Press press, Agenda agenda, String local) {
    return press.command(agenda, at(local)).getString("session");
  }

  private static Agenda cue(Agenda agenda, String id, int position, String extra) {
    return run(agenda, "08:00", "{\"type\":\"cue.save\",\"cue\":\"" + id + "\",\"name\":\"" + id + "\",\"position\":"
        + position + extra + ",\"commands\":[{\"type\":\"announcement.post\",\"text\":\"" + id + "\"}]}");
  }

  /** A cue fired at a venue-local time: its changes, then cue.fired. */
  private static Agenda fire(Agenda agenda, String local, String cue) {
    Agenda after = agenda;
    for (Change c : Catalogue.parse(new JsonObject().put("type", "cue.fire").put("cue", cue))
        .decideAll(agenda, new Facts(at(local), "t1"))) {
      after = after.apply(c);
    }
    return after;
  }

  @Test
  void startStartsTheRoomsNextSessionNeverABreakNorOnePassedOver() {
    assertThat(session(Press.in("main-hall", Press.Action.START), demo, "08:20")).isEqualTo("opening-ceremony");
    Agenda keynote = start(demo, "09:36", "keynote-wang-haizhou");
    assertThat(session(Press.in("main-hall", Press.Action.START), keynote, "10:04")).as("the tea break needs nobody")
        .isEqualTo("industry-report-release");
    Agenda welcome = start(demo, "08:46", "welcome-speech");
    assertThat(session(Press.in("main-hall", Press.Action.START), welcome, "08:50"))
        .as("the opening, never started, was passed over").isEqualTo("keynote-gan-yong");
    Agenda awards = start(demo, "11:20", "awards-ceremony");
    assertThatThrownBy(() -> Press.in("main-hall", Press.Action.START).command(awards, at("11:30")))
        .as("only lunch is left").isInstanceOf(CommandRejected.class)
        .satisfies(e -> assertThat(((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_STATE));
  }

  @Test
  void aSessionStartedLateStillComesBeforeTheOnesPlannedAfterIt() {
    Agenda late = start(demo, "08:50", "opening-ceremony");
    assertThat(session(Press.in("main-hall", Press.Action.START), late, "08:55")).isEqualTo("welcome-speech");
  }

  @Test
  void endEndsTheLiveSessionAndDelayDelaysItOrElseTheNextWithCascade() {
    assertThatThrownBy(() -> Press.in("main-hall", Press.Action.END).command(demo, at("08:20")))
        .isInstanceOf(CommandRejected.class).hasMessageContaining("nothing is live");
    Agenda opened = start(demo, "08:30", "opening-ceremony");
    assertThat(session(Press.in("main-hall", Press.Action.END), opened, "08:40")).isEqualTo("opening-ceremony");
    assertThat(Press.delay("main-hall", 5).command(opened, at("08:40")))
        .isEqualTo(new JsonObject("{\"type\":\"session.delay\",\"session\":\"opening-ceremony\",\"minutes\":5,"
            + "\"cascade\":true}"));
    assertThat(session(Press.delay("main-hall", 5), demo, "08:20")).isEqualTo("opening-ceremony");
    assertThat(session(Press.delay("forum-a", -5), demo, "12:00")).isEqualTo("academic-conference-1");
  }

  @Test
  void goFiresTheFirstCueNotFiredNorMissedWhateverItWaitsFor() {
    Agenda cues = cue(cue(cue(demo, "doors", 0, ",\"at\":\"2023-08-16T08:00\""), "by-hand", 1, ""),
        "later", 2, ",\"at\":\"2023-08-16T12:00\"");
    assertThat(Press.go().command(cues, at("08:03")).getString("cue")).as("due").isEqualTo("doors");
    assertThat(Press.go().command(cues, at("08:06")).getString("cue")).as("doors is missed: by hand next")
        .isEqualTo("by-hand");
    Agenda fired = fire(cues, "08:07", "by-hand");
    assertThat(Press.go().command(fired, at("08:07")).getString("cue")).as("scheduled for later").isEqualTo("later");
    Agenda done = fire(fired, "12:00", "later");
    assertThatThrownBy(() -> Press.go().command(done, at("12:01"))).hasMessageContaining("no cue is waiting");
  }

  @Test
  void aPressIsCheckedWhole() {
    assertThatThrownBy(() -> Press.delay("main-hall", 0)).hasMessageContaining("'minutes'");
    assertThatThrownBy(() -> Press.delay("main-hall", 721)).hasMessageContaining("'minutes'");
    assertThatThrownBy(() -> Press.in("Main Hall", Press.Action.FLASH)).hasMessageContaining("'room'");
    assertThatThrownBy(() -> Press.message("main-hall", Text.EMPTY)).hasMessageContaining("'text'");
    assertThatThrownBy(() -> Press.in("nowhere", Press.Action.FLASH).command(demo, at("08:00")))
        .satisfies(e -> assertThat(((CommandRejected) e).code()).isEqualTo(ErrorCode.UNKNOWN_ROOM));
    assertThat(Press.delay("main-hall", 5).repeatKey()).isNotEqualTo(Press.delay("main-hall", 10).repeatKey());
    assertThat(Press.Action.START.role()).isEqualTo(Role.EDITOR);
    assertThat(Press.Action.FLASH.role()).isEqualTo(Role.ANNOUNCER);
    assertThat(Press.Action.GO.role()).as("the cue's commands decide").isNull();
  }

  @Test
  void theTimerPhaseFollowsTheEventsPhasesOrTheSessionsOwn() {
    Agenda opened = start(demo, "08:30", "opening-ceremony");
    Room hall = opened.room("main-hall").orElseThrow();
    assertThat(RoomNow.of(opened, hall, at("08:39")).phase()).isEqualTo(TimerPhases.Phase.NORMAL);
    assertThat(RoomNow.of(opened, hall, at("08:40")).phase()).isEqualTo(TimerPhases.Phase.WARNING);
    assertThat(RoomNow.of(opened, hall, at("08:44")).phase()).isEqualTo(TimerPhases.Phase.DANGER);
    RoomNow over = RoomNow.of(opened, hall, at("2023-08-16T08:45:30"));
    assertThat(over.phase()).isEqualTo(TimerPhases.Phase.OVER);
    assertThat(over.secondsLeft()).isEqualTo(-30);
    Agenda own = run(opened, "08:31", "{\"type\":\"stage.timer\",\"session\":\"opening-ceremony\","
        + "\"warningMinutes\":10,\"dangerMinutes\":3}");
    assertThat(RoomNow.of(own, hall, at("08:36")).phase()).isEqualTo(TimerPhases.Phase.WARNING);
    assertThat(RoomNow.of(own, hall, at("08:42")).phase()).isEqualTo(TimerPhases.Phase.DANGER);
    assertThat(RoomNow.of(demo, hall, at("08:20")).phase()).as("nothing live").isNull();
  }
}

package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** Cues as pure rules: saved, fired as one (all or nothing, once), scheduled, and by whom. */
@Tag("unit")
class CueRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = LocalDateTime.parse("2023-08-16T09:04").atZone(ZONE).toInstant();
  private final Agenda demo = DemoEvent.agenda().withoutCues();

  private static List<Change> run(Agenda agenda, String json, Role role) {
    return Catalogue.parse(new JsonObject(json)).decideAll(agenda, new Facts(NOW, NOW, "t", "staff:sm", role, null, null));
  }

  private static Agenda apply(Agenda agenda, List<Change> changes) {
    for (Change c : changes) {
      agenda = agenda.apply(c);
    }
    return agenda;
  }

  private static final String KEYNOTE = "{\"type\":\"cue.save\",\"cue\":\"k1\",\"name\":\"Keynote 1 on stage\","
      + "\"commands\":[{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"},"
      + "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":\"gan-yong\"},"
      + "{\"type\":\"announcement.post\",\"announcement\":\"k1\",\"text\":\"Keynote 1 has begun\"}]}";

  @Test
  void aFiredCueRunsItsCommandsInOrderEachAChangeThenIsMarkedFiredAndFiresOnce() {
    Agenda saved = apply(demo, run(demo, KEYNOTE, Role.ADMIN));
    assertThat(saved.toJson(Audience.PUBLIC).containsKey("cues")).as("cues are staff state").isFalse();
    assertThat(saved.toJson(Audience.STAFF).getJsonArray("cues")).hasSize(1);
    List<Change> fired = run(saved, "{\"type\":\"cue.fire\",\"cue\":\"k1\"}", Role.ADMIN);
    assertThat(fired).extracting(c -> c.kind().wire())
        .containsExactly("session.started", "speaker.on_stage", "announcement.posted", "cue.fired");
    Agenda after = apply(saved, fired);
    Session keynote = after.session("keynote-gan-yong").orElseThrow();
    assertThat(keynote.status()).isEqualTo(Session.Status.LIVE);
    assertThat(keynote.onStage()).isEqualTo("gan-yong");
    assertThat(after.cue("k1").orElseThrow().firedAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> run(after, "{\"type\":\"cue.fire\",\"cue\":\"k1\"}", Role.ADMIN))
        .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_STATE);
  }

  @Test
  void aCueWithACommandThatBreaksARuleAppliesNothing() {
    String broken = "{\"type\":\"cue.save\",\"cue\":\"bad\",\"name\":\"Bad\",\"commands\":["
        + "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"},"
        + "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}]}";
    Agenda saved = apply(demo, run(demo, broken, Role.ADMIN));
    assertThatThrownBy(() -> run(saved, "{\"type\":\"cue.fire\",\"cue\":\"bad\"}", Role.ADMIN))
        .isInstanceOf(CommandRejected.class).hasMessageContaining("command #2").hasMessageContaining("nothing");
  }

  @Test
  void aCueIsSavedAndFiredOnlyByWhoMayRunEveryCommandInIt() {
    assertThatThrownBy(() -> run(demo, KEYNOTE, Role.ANNOUNCER))
        .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    Agenda saved = apply(demo, run(demo, KEYNOTE, Role.ADMIN));
    assertThatThrownBy(() -> run(saved, "{\"type\":\"cue.fire\",\"cue\":\"k1\"}", Role.EDITOR))
        .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    String announcerOnly = "{\"type\":\"cue.save\",\"cue\":\"a1\",\"name\":\"Notice\",\"commands\":["
        + "{\"type\":\"announcement.post\",\"text\":\"Hi\"}]}";
    assertThat(run(demo, announcerOnly, Role.ANNOUNCER)).hasSize(1);
    for (String bad : List.of("{\"type\":\"cue.save\",\"cue\":\"x\",\"name\":\"X\",\"commands\":[{\"type\":\"cue.fire\",\"cue\":\"k1\"}]}",
        "{\"type\":\"cue.save\",\"cue\":\"x\",\"name\":\"X\",\"commands\":[{\"type\":\"session.delay\",\"minutes\":5}]}",
        "{\"type\":\"cue.save\",\"cue\":\"x\",\"name\":\"X\",\"commands\":[],\"at\":\"2023-08-16T10:00\",\"after\":\"k1\"}")) {
      assertThatThrownBy(() -> run(demo, bad, Role.ADMIN)).as(bad)
          .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }
  }

  @Test
  void aCueIsDueAtItsTimeOrSomeMinutesAfterTheCueItFollowsHasFired() {
    Agenda agenda = apply(demo, run(demo, KEYNOTE.replace("\"commands\"", "\"at\":\"2023-08-16T09:05\",\"commands\""),
        Role.ADMIN));
    agenda = apply(agenda, run(agenda, "{\"type\":\"cue.save\",\"cue\":\"k2\",\"name\":\"Keynote 2\",\"after\":\"k1\","
        + "\"afterMinutes\":30,\"commands\":[]}", Role.ADMIN));
    Cue k1 = agenda.cue("k1").orElseThrow();
    Cue k2 = agenda.cue("k2").orElseThrow();
    assertThat(k1.dueAt(agenda)).isEqualTo(LocalDateTime.parse("2023-08-16T09:05").atZone(ZONE).toInstant());
    assertThat(k2.dueAt(agenda)).as("waits for k1").isNull();
    Agenda fired = apply(agenda, run(agenda, "{\"type\":\"cue.fire\",\"cue\":\"k1\"}", Role.ADMIN));
    assertThat(fired.cue("k2").orElseThrow().dueAt(fired)).isEqualTo(NOW.plusSeconds(30 * 60));
    assertThatThrownBy(() -> run(fired, "{\"type\":\"cue.save\",\"cue\":\"k1\",\"name\":\"again\",\"commands\":[]}",
        Role.ADMIN)).extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_STATE);
  }
}

package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** The session rules on the demo agenda, with venue-local times (Asia/Shanghai). */
@Tag("unit")
class SessionRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant DURING = at("2023-08-16T09:00");
  private final Agenda demo = DemoEvent.agenda();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  static String local(Instant i) {
    return i.atZone(ZONE).toLocalTime().toString();
  }

  private static Change decide(Agenda agenda, String json, Instant now) {
    return Catalogue.parse(new JsonObject(json)).decide(agenda, new Facts(now, "t1"));
  }

  private static Agenda run(Agenda agenda, String json) {
    return agenda.apply(decide(agenda, json, DURING));
  }

  private static Map<String, String> times(Agenda agenda, String room) {
    return agenda.sessions().stream().filter(s -> s.room().equals(room))
        .collect(Collectors.toMap(Session::id, s -> local(s.start()) + "-" + local(s.end())));
  }

  private static void assertRefused(Agenda agenda, String json, String code) {
    assertThatThrownBy(() -> decide(agenda, (json), DURING))
        .isInstanceOf(CommandRejected.class).extracting(e -> ((CommandRejected) e).code().wire()).isEqualTo(code);
  }

  @Test
  void aDelayWithoutCascadeMovesOnlyThatSession() {
    Agenda after = run(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15}");
    Map<String, String> t = times(after, "main-hall");
    assertThat(t.get("keynote-gan-yong")).isEqualTo("09:20-09:50");
    assertThat(t.get("keynote-wang-haizhou")).isEqualTo("09:35-10:05");
    assertThat(after.session("keynote-gan-yong").orElseThrow().toJson().getInteger("delayMinutes")).isEqualTo(15);
  }

  @Test
  void aCascadePushesTheLaterSessionsOfThatRoomThroughTheBreak() {
    Change change = decide(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15,\"cascade\":true}", DURING);
    Map<String, String> t = times(demo.apply(change), "main-hall");
    assertThat(t.get("keynote-wang-haizhou")).isEqualTo("09:50-10:20");
    assertThat(t.get("morning-tea-break")).as("squeezed to 5 minutes, then moved").isEqualTo("10:20-10:25");
    assertThat(t.get("industry-report-release")).isEqualTo("10:25-10:55");
    assertThat(t.get("lunch-break")).as("5 minutes late, absorbed by lunch").isEqualTo("12:05-13:30");
    assertThat(t.get("opening-ceremony")).isEqualTo("08:30-08:45");
    assertThat(times(demo.apply(change), "forum-a")).isEqualTo(times(demo, "forum-a"));
    assertThat(ChangeCodec.encode(change).getJsonArray("sessions")).hasSize(7);
  }

  @Test
  void aDelayLongerThanTheSessionItselfStillPushesTheOneAfterIt() {
    Agenda after = run(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":40,\"cascade\":true}");
    assertThat(times(after, "main-hall")).containsEntry("keynote-gan-yong", "09:45-10:15")
        .containsEntry("keynote-wang-haizhou", "10:15-10:45").containsEntry("morning-tea-break", "10:45-10:50")
        .containsEntry("industry-report-release", "10:50-11:20");
  }

  @Test
  void freeTimeAbsorbsADelayAndABreakShrinksToFiveMinutesThenMoves() {
    Agenda gap = run(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-2\",\"minutes\":20}");
    assertThat(times(gap, "forum-a").get("academic-conference-2")).isEqualTo("15:40-17:20");

    Agenda small = run(gap, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":10,\"cascade\":true}");
    assertThat(times(small, "forum-a")).as("the break starts later and still ends on time")
        .containsEntry("academic-conference-break", "15:10-15:20").containsEntry("academic-conference-2", "15:40-17:20");

    Agenda large = run(gap, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":30,\"cascade\":true}");
    assertThat(times(large, "forum-a")).as("5 minutes of break left, the free time takes the rest")
        .containsEntry("academic-conference-break", "15:30-15:35").containsEntry("academic-conference-2", "15:40-17:20");

    Agenda larger = run(gap, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":40,\"cascade\":true}");
    assertThat(times(larger, "forum-a")).containsEntry("academic-conference-break", "15:40-15:45")
        .containsEntry("academic-conference-2", "15:45-17:25");

    Agenda shortBreak = run(demo, "{\"type\":\"session.update\",\"session\":\"academic-conference-break\",\"end\":\"2023-08-16T15:03\"}");
    Agenda pushed = run(shortBreak, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":10,\"cascade\":true}");
    assertThat(times(pushed, "forum-a")).as("a break shorter than 5 minutes keeps its length")
        .containsEntry("academic-conference-break", "15:10-15:13").containsEntry("academic-conference-2", "15:20-17:00");
  }

  @Test
  void aBreakStartedLateStillEndsOnTimeDownToFiveMinutes() {
    Agenda late = demo.apply(decide(demo, "{\"type\":\"session.start\",\"session\":\"morning-tea-break\"}", at("2023-08-16T10:12")));
    assertThat(times(late, "main-hall").get("morning-tea-break")).isEqualTo("10:12-10:20");
    Agenda later = demo.apply(decide(demo, "{\"type\":\"session.start\",\"session\":\"morning-tea-break\"}", at("2023-08-16T10:18")));
    assertThat(times(later, "main-hall").get("morning-tea-break")).isEqualTo("10:18-10:23");
    Agenda early = demo.apply(decide(demo, "{\"type\":\"session.start\",\"session\":\"morning-tea-break\"}", at("2023-08-16T10:00")));
    assertThat(times(early, "main-hall").get("morning-tea-break")).as("started early, it keeps its length").isEqualTo("10:00-10:15");
    Agenda talk = demo.apply(decide(demo, "{\"type\":\"session.start\",\"session\":\"keynote-wang-haizhou\"}", at("2023-08-16T09:45")));
    assertThat(times(talk, "main-hall").get("keynote-wang-haizhou")).as("a talk keeps its length").isEqualTo("09:45-10:15");
  }

  @Test
  void aCascadeStopsAtTheDaysEndAndRefusesToCrossIt() {
    Agenda late = run(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-2\",\"minutes\":420}");
    assertThat(times(late, "forum-a").get("academic-conference-2")).isEqualTo("22:20-00:00");
    assertRefused(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-2\",\"minutes\":421}",
        "past_day_end");
    // The 20-minute break in between gives up 15 of them before academic-conference-2 moves.
    Agenda pushed = run(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":435,\"cascade\":true}");
    assertThat(times(pushed, "forum-a").get("academic-conference-2")).isEqualTo("22:20-00:00");
    assertRefused(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":436,\"cascade\":true}",
        "past_day_end");
    assertRefused(demo, "{\"type\":\"session.delay\",\"session\":\"opening-ceremony\",\"minutes\":-720}", "past_day_end");
  }

  @Test
  void aCascadeLeavesCancelledAndEndedSessionsAlone() {
    Agenda cancelled = run(demo, "{\"type\":\"session.cancel\",\"session\":\"keynote-wang-haizhou\",\"reason\":\"ill\"}");
    Agenda after = run(cancelled, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":15,\"cascade\":true}");
    assertThat(times(after, "main-hall")).containsEntry("keynote-wang-haizhou", "09:35-10:05")
        .containsEntry("morning-tea-break", "10:05-10:20");
  }

  @Test
  void aLiveSessionThatRunsOverKeepsItsStartAndANegativeDelayBringsASessionForward() {
    Agenda live = run(demo, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}");
    Agenda over = run(live, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":10,\"cascade\":true}");
    // started at 09:00 (the clock of this test), so it keeps its 30 minutes from there
    assertThat(times(over, "main-hall")).containsEntry("keynote-gan-yong", "09:00-09:40")
        .containsEntry("keynote-wang-haizhou", "09:40-10:10");
    Agenda earlier = run(demo, "{\"type\":\"session.delay\",\"session\":\"academic-conference-1\",\"minutes\":-30,\"cascade\":true}");
    assertThat(times(earlier, "forum-a")).containsEntry("academic-conference-1", "13:00-14:30")
        .containsEntry("academic-conference-break", "15:00-15:20");
    assertRefused(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":-10}", "room_busy");
    Agenda overlapping = run(demo, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":2}");
    Agenda back = run(overlapping, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":-1}");
    assertThat(times(back, "main-hall").get("keynote-gan-yong")).as("less overlap with the next is fine").isEqualTo("09:06-09:36");
    assertRefused(live, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":-30}", "invalid_field");
  }

  @Test
  void moveChecksTheRoomAndKeepsThePlannedRoom() {
    Agenda moved = run(demo, "{\"type\":\"session.move\",\"session\":\"keynote-gan-yong\",\"room\":\"forum-a\"}");
    Session s = moved.session("keynote-gan-yong").orElseThrow();
    assertThat(s.room()).isEqualTo("forum-a");
    assertThat(s.plannedRoom()).isEqualTo("main-hall");
    assertRefused(demo, "{\"type\":\"session.move\",\"session\":\"academic-conference-1\",\"room\":\"forum-b\"}", "room_busy");
    assertRefused(demo, "{\"type\":\"session.move\",\"session\":\"keynote-gan-yong\",\"room\":\"main-hall\"}", "invalid_state");
    assertRefused(demo, "{\"type\":\"session.move\",\"session\":\"keynote-gan-yong\",\"room\":\"roof\"}", "unknown_room");
  }

  @Test
  void cancelStartAndEndFollowTheSessionsLife() {
    Agenda cancelled = run(demo, "{\"type\":\"session.cancel\",\"session\":\"keynote-gan-yong\",\"reason\":{\"en\":\"Flight delayed\",\"zh\":\"航班延误\"}}");
    Session c = cancelled.session("keynote-gan-yong").orElseThrow();
    assertThat(c.status()).isEqualTo(Session.Status.CANCELLED);
    assertThat(c.reason().in("zh")).isEqualTo("航班延误");
    assertRefused(cancelled, "{\"type\":\"session.cancel\",\"session\":\"keynote-gan-yong\"}", "invalid_state");
    assertRefused(cancelled, "{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":5}", "invalid_state");
    assertRefused(cancelled, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}", "invalid_state");

    Agenda first = run(demo, "{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}");
    Agenda second = run(first, "{\"type\":\"session.start\",\"session\":\"welcome-speech\"}");
    assertThat(second.session("opening-ceremony").orElseThrow().status()).isEqualTo(Session.Status.ENDED);
    assertThat(second.session("welcome-speech").orElseThrow().status()).isEqualTo(Session.Status.LIVE);
    Agenda ended = run(second, "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}");
    assertThat(ended.session("welcome-speech").orElseThrow().status()).isEqualTo(Session.Status.ENDED);
    assertRefused(demo, "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}", "invalid_state");
  }

  @Test
  void startRecordsTheRealTimeOnlyOnTheSessionsDay() {
    Change onTheDay = decide(demo, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}",
        at("2023-08-16T09:12"));
    assertThat(local(demo.apply(onTheDay).session("keynote-gan-yong").orElseThrow().start())).isEqualTo("09:12");
    Change rehearsal = decide(demo, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}",
        Instant.parse("2026-11-27T07:00:00Z"));
    assertThat(local(demo.apply(rehearsal).session("keynote-gan-yong").orElseThrow().start())).isEqualTo("09:05");
  }

  @Test
  void updateAndAddValidateAgainstTheAgenda() {
    Agenda updated = run(demo, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"title\":{\"en\":\"New\",\"zh\":\"新\"},\"speakers\":[\"gan-yong\",\"wang-haizhou\"]}");
    assertThat(updated.session("keynote-gan-yong").orElseThrow().speakers()).containsExactly("gan-yong", "wang-haizhou");
    assertRefused(demo, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"speakers\":[\"nobody\"]}", "unknown_speaker");
    assertRefused(demo, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"start\":\"2023-08-16T10:00\",\"end\":\"2023-08-16T09:00\"}", "invalid_field");
    assertRefused(updated, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"title\":{\"en\":\"New\",\"zh\":\"新\"}}", "invalid_state");
    assertRefused(demo, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"start\":\"2023-08-17T09:05\",\"end\":\"2023-08-17T09:35\"}", "past_day_end");
    assertRefused(demo, "{\"type\":\"session.update\",\"session\":\"keynote-gan-yong\",\"start\":\"2023-08-16T09:30\",\"end\":\"2023-08-16T10:00\"}", "room_busy");
    assertRefused(demo, "{\"type\":\"session.add\",\"session\":\"clash\",\"kind\":\"meeting\",\"room\":\"main-hall\","
        + "\"title\":\"x\",\"start\":\"2023-08-16T09:10\",\"end\":\"2023-08-16T09:20\"}", "room_busy");

    Agenda added = run(demo, "{\"type\":\"session.add\",\"session\":\"press-briefing\",\"kind\":\"meeting\",\"room\":\"forum-b\","
        + "\"title\":\"Press briefing\",\"start\":\"2023-08-16T12:00\",\"end\":\"2023-08-16T12:30+08:00\"}");
    Session s = added.session("press-briefing").orElseThrow();
    assertThat(local(s.start()) + "-" + local(s.end())).isEqualTo("12:00-12:30");
    assertThat(s.title().in("zh")).isEqualTo("Press briefing");
    assertRefused(added, "{\"type\":\"session.add\",\"session\":\"press-briefing\",\"kind\":\"meeting\",\"room\":\"forum-b\","
        + "\"title\":\"x\",\"start\":\"2023-08-16T12:00\",\"end\":\"2023-08-16T12:30\"}", "duplicate_id");
    assertRefused(demo, "{\"type\":\"session.add\",\"session\":\"x\",\"kind\":\"party\",\"room\":\"forum-b\","
        + "\"title\":\"x\",\"start\":\"2023-08-16T12:00\",\"end\":\"2023-08-16T12:30\"}", "invalid_field");
  }

  @Test
  void parsingRefusesEveryMalformedField() {
    for (String bad : List.of(
        "{\"type\":\"session.delay\",\"session\":\"a\",\"minutes\":721}",
        "{\"type\":\"session.delay\",\"session\":\"a\",\"minutes\":1.5}",
        "{\"type\":\"session.delay\",\"session\":\"a\",\"minutes\":5,\"cascade\":\"yes\"}",
        "{\"type\":\"session.delay\",\"session\":\"A B\",\"minutes\":5}",
        "{\"type\":\"session.delay\",\"minutes\":5}",
        "{\"type\":\"session.cancel\",\"session\":\"a\",\"reason\":{\"fr\":\"non\"}}",
        "{\"type\":\"session.cancel\",\"session\":\"a\",\"reason\":\"" + "x".repeat(2001) + "\"}",
        "{\"type\":\"session.add\",\"session\":\"a\",\"kind\":\"break\",\"room\":\"r\",\"title\":\"t\",\"start\":\"noon\",\"end\":\"2023-08-16T12:30\"}")) {
      assertThatThrownBy(() -> Catalogue.parse(new JsonObject(bad))).as(bad).isInstanceOf(CommandRejected.class)
          .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }
    assertThatThrownBy(() -> Catalogue.parse(new JsonObject("{\"type\":7}")))
        .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
  }

  @Test
  void theDemoAgendaIsBilingualAndItsResultsAreEmbargoed() {
    assertThat(demo.sessions()).allSatisfy(s -> assertThat(s.title().en()).isNotBlank());
    assertThat(demo.sessions()).allSatisfy(s -> assertThat(s.title().zh()).isNotBlank());
    assertThat(demo.rooms()).extracting(Room::id).contains("main-hall", "forum-a", "forum-b", "expo-hall");
    assertThat(demo.awards()).allSatisfy(a -> assertThat(a.results()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.revealed()).isFalse()));
    String publicJson = demo.toJson(Audience.PUBLIC).encode();
    for (Award a : demo.awards()) {
      assertThat(a.toJson(Audience.PUBLIC).getJsonArray("results")).isEmpty();
      assertThat(a.toJson(Audience.EMBARGO).getJsonArray("results")).hasSize(a.results().size());
    }
    assertThat(publicJson).doesNotContain("\"rank\"");
  }
}

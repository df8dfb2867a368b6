package podium.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** RunningLate, the live projection of each room's day, on the demo agenda (venue-local times). */
@Tag("unit")
class ProjectionTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final Agenda demo = DemoEvent.agenda().withoutCues();

  static Instant at(String local) {
    return LocalDateTime.parse(local.length() == 5 ? "2023-08-16T" + local : local).atZone(ZONE).toInstant();
  }

  /** The agenda after a command sent at a venue-local time (HH:mm on the demo's day, or a full date-time). */
  static Agenda run(Agenda agenda, String local, String json) {
    return agenda.apply(Catalogue.parse(new JsonObject(json)).decide(agenda, new Facts(at(local), "t1")));
  }

  static Agenda start(Agenda agenda, String local, String session) {
    return run(agenda, local, "{\"type\":\"session.start\",\"session\":\"" + session + "\"}");
  }

  /** "session HH:mm-HH:mm +late" for each session the projection lists in a room. */
  static List<String> late(RunningLate projection, String room) {
    return projection.room(room).stream().map(e -> e.session() + " " + e.start().atZone(ZONE).toLocalTime() + "-"
        + e.end().atZone(ZONE).toLocalTime() + " +" + e.lateMinutes()).toList();
  }

  @Test
  void anOpeningStartedFiveMinutesLatePushesTheMainHallUpToTheTeaBreakWhichAbsorbsIt() {
    Agenda opened = start(demo, "08:35", "opening-ceremony");
    RunningLate late = RunningLate.at(opened, at("08:36"));
    assertThat(late(late, "main-hall")).containsExactly("welcome-speech 08:50-09:10 +5",
        "keynote-gan-yong 09:10-09:40 +5", "keynote-wang-haizhou 09:40-10:10 +5", "morning-tea-break 10:10-10:20 +5");
    assertThat(late.rooms().keySet()).as("no other room moves").containsExactly("main-hall");
    assertThat(opened.session("welcome-speech").orElseThrow().start()).as("the plan is left as staff set it")
        .isEqualTo(at("08:45"));
  }

  @Test
  void aBreakShrinksToAbsorbAnOverrunAndThenMovesAtFiveMinutes() {
    Agenda running = start(demo, "09:35", "keynote-wang-haizhou");
    assertThat(late(RunningLate.at(running, at("10:15")), "main-hall")).as("10 minutes over a 15-minute break")
        .containsExactly("keynote-wang-haizhou 09:35-10:15 +0", "morning-tea-break 10:15-10:20 +10");
    assertThat(late(RunningLate.at(running, at("10:25")), "main-hall")).as("20 minutes over it")
        .containsExactly("keynote-wang-haizhou 09:35-10:25 +0", "morning-tea-break 10:25-10:30 +20",
            "industry-report-release 10:30-11:00 +10", "materials-competitiveness-report 11:00-11:30 +10",
            "awards-ceremony 11:30-12:10 +10", "lunch-break 12:10-13:30 +10");
  }

  @Test
  void aLateStartNobodyPressedProjectsFromNow() {
    Agenda opened = run(start(demo, "08:30", "opening-ceremony"), "08:45",
        "{\"type\":\"session.end\",\"session\":\"opening-ceremony\"}");
    assertThat(late(RunningLate.at(opened, at("2023-08-16T08:48:40")), "main-hall")).containsExactly(
        "welcome-speech 08:48-09:08 +3", "keynote-gan-yong 09:08-09:38 +3", "keynote-wang-haizhou 09:38-10:08 +3",
        "morning-tea-break 10:08-10:20 +3");
    assertThat(RunningLate.at(opened, at("2023-08-16T08:45:59"))).as("less than a minute late is on time")
        .isEqualTo(RunningLate.ON_TIME);
  }

  @Test
  void aRoomWhereNothingWasStartedTodayHasNoProjection() {
    assertThat(RunningLate.at(demo, at("08:40"))).as("an opening not started yet").isEqualTo(RunningLate.ON_TIME);
    Agenda opened = start(demo, "08:30", "opening-ceremony");
    assertThat(RunningLate.at(opened, at("15:00")).rooms()).as("the expo nobody starts, forums nobody started")
        .containsOnlyKeys("main-hall");
  }

  @Test
  void cancelledSessionsAreSkippedAndTheirTimeAbsorbsLateness() {
    Agenda cancelled = run(demo, "08:00", "{\"type\":\"session.cancel\",\"session\":\"keynote-gan-yong\"}");
    Agenda opened = start(cancelled, "08:35", "opening-ceremony");
    assertThat(late(RunningLate.at(opened, at("08:36")), "main-hall")).containsExactly("welcome-speech 08:50-09:10 +5");
  }

  @Test
  void aRoomRunningToTimeProjectsNothing() {
    Agenda onTime = start(start(demo, "08:30", "opening-ceremony"), "08:45", "welcome-speech");
    RunningLate late = RunningLate.at(onTime, at("09:04"));
    assertThat(late).isEqualTo(RunningLate.ON_TIME);
    assertThat(late.toJson().encode()).isEqualTo("{}");
    assertThat(late.toJson("main-hall")).isEqualTo(new JsonArray());
  }

  @Test
  void theProjectionFollowsASimulatedClockAtTwentyTimes() {
    Instant real = Instant.parse("2026-12-01T09:00:00Z");
    Agenda fast = demo.apply(Catalogue.parse(new JsonObject("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:34\",\"speed\":20}"))
        .decide(demo, Facts.on(demo, real, "t", "test:admin", Role.ADMIN, null, null)));
    EventClock clock = fast.event().clock();
    Instant threeSecondsLater = real.plusSeconds(3);
    Agenda opened = fast.apply(Catalogue.parse(new JsonObject("{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}"))
        .decide(fast, Facts.on(fast, threeSecondsLater, "t", "test:admin", Role.ADMIN, null, null)));
    assertThat(opened.session("opening-ceremony").orElseThrow().start()).isEqualTo(at("08:35"));

    RunningLate early = RunningLate.at(opened, clock.at(real.plusSeconds(6)));
    RunningLate overrun = RunningLate.at(opened, clock.at(real.plusSeconds(57)));
    assertThat(late(early, "main-hall")).as("at 08:36").contains("welcome-speech 08:50-09:10 +5");
    assertThat(late(overrun, "main-hall")).as("at 08:53, 3 minutes over").containsExactly(
        "opening-ceremony 08:35-08:53 +0", "welcome-speech 08:53-09:13 +8", "keynote-gan-yong 09:13-09:43 +8",
        "keynote-wang-haizhou 09:43-10:13 +8", "morning-tea-break 10:13-10:20 +8");
  }

  @Test
  void onlyTodaysSessionsAreProjectedAndTheNextDayIsLeftAlone() {
    Agenda withTomorrow = run(demo, "08:00", "{\"type\":\"session.add\",\"session\":\"day-two\",\"kind\":\"meeting\","
        + "\"room\":\"forum-b\",\"title\":\"Day two\",\"start\":\"2023-08-17T08:30\",\"end\":\"2023-08-17T09:00\"}");
    Agenda forgotten = start(withTomorrow, "13:30", "matchmaking-meeting-1");
    assertThat(late(RunningLate.at(forgotten, at("2023-08-16T23:55")), "forum-b")).as("never ended: running over")
        .containsExactly("matchmaking-meeting-1 13:30-23:55 +0", "matchmaking-break 23:55-00:00 +535",
            "matchmaking-meeting-2 00:00-01:40 +520");
    assertThat(RunningLate.at(forgotten, at("2023-08-17T00:01"))).as("yesterday's session is not today's")
        .isEqualTo(RunningLate.ON_TIME);
    assertThat(RunningLate.at(forgotten, at("2023-08-17T08:40"))).as("nothing started in forum-b on the 17th")
        .isEqualTo(RunningLate.ON_TIME);
  }

  @Test
  void roomsMovedSaysWhichRoomsAChangeIsDueFor() {
    Agenda running = start(demo, "09:35", "keynote-wang-haizhou");
    RunningLate before = RunningLate.at(running, at("2023-08-16T10:07:10"));
    assertThat(before.roomsMovedSince(RunningLate.ON_TIME)).containsExactly("main-hall");
    assertThat(RunningLate.at(running, at("2023-08-16T10:07:50")).roomsMovedSince(before)).as("same minute").isEmpty();
    assertThat(RunningLate.at(running, at("10:08")).roomsMovedSince(before)).containsExactly("main-hall");
    RunningLate teaStarted = RunningLate.at(start(running, "10:08", "morning-tea-break"), at("10:09"));
    assertThat(teaStarted.roomsMovedSince(before)).as("back to time: the break ends at 10:20").containsExactly("main-hall");
    assertThat(teaStarted.toJson("main-hall")).isEqualTo(new JsonArray());

    Agenda afternoon = start(start(demo, "13:30", "academic-conference-1"), "13:30", "matchmaking-meeting-1");
    RunningLate bothOver = RunningLate.at(afternoon, at("15:01"));
    assertThat(bothOver.rooms()).containsOnlyKeys("forum-a", "forum-b");
    Agenda oneEnded = run(afternoon, "15:01", "{\"type\":\"session.end\",\"session\":\"academic-conference-1\"}");
    RunningLate later = RunningLate.at(oneEnded, at("2023-08-16T15:01:30"));
    assertThat(later.roomsMovedSince(bothOver)).as("forum-b did not move").containsExactly("forum-a");
    assertThat(late(later, "forum-a")).containsExactly("academic-conference-break 15:01-15:20 +1");
  }

  @Test
  void theWireListsOnlyWhatIsLateWithItsTimesAndMinutes() {
    JsonObject json = RunningLate.at(start(demo, "09:35", "keynote-wang-haizhou"), at("10:15")).toJson();
    assertThat(json).isEqualTo(new JsonObject().put("main-hall", new JsonArray()
        .add(new JsonObject().put("session", "keynote-wang-haizhou").put("start", "2023-08-16T01:35:00Z")
            .put("end", "2023-08-16T02:15:00Z").put("lateMinutes", 0))
        .add(new JsonObject().put("session", "morning-tea-break").put("start", "2023-08-16T02:15:00Z")
            .put("end", "2023-08-16T02:20:00Z").put("lateMinutes", 10))));
  }
}

package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.event.ProjectionTest.run;
import static podium.event.ProjectionTest.start;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** The as-run report of the demo's day: planned against actual, and who started and ended each session. */
@Tag("unit")
class AsRunReportTest {

  static final LocalDate DAY = LocalDate.parse("2023-08-16");
  static final Map<String, AsRunReport.Actors> ACTORS = Map.of(
      "opening-ceremony", new AsRunReport.Actors("staff:li", "staff:wang"),
      "welcome-speech", new AsRunReport.Actors("staff:wang", "cue-clock"));

  /** The opening started late (08:35:40) and ended by starting the welcome speech (08:52), which ended early (09:03). */
  static Agenda ranSo() {
    Agenda demo = DemoEvent.agenda().withoutCues();
    Agenda opened = start(demo, "2023-08-16T08:35:40", "opening-ceremony");
    Agenda welcomed = start(opened, "08:52", "welcome-speech");
    Agenda ended = run(welcomed, "09:03", "{\"type\":\"session.end\",\"session\":\"welcome-speech\"}");
    Agenda cancelled = run(ended, "09:04", "{\"type\":\"session.cancel\",\"session\":\"keynote-gan-yong\"}");
    return run(cancelled, "09:05", "{\"type\":\"session.move\",\"session\":\"matchmaking-meeting-2\",\"room\":\"main-hall\"}");
  }

  @Test
  void eachSessionAsPlannedAgainstAsItRanWithWhoStartedAndEndedIt() {
    AsRunReport report = AsRunReport.of(ranSo(), DAY, ACTORS);
    AsRunReport.Line opening = report.rooms().get("main-hall").get(0);
    assertThat(opening.toJson()).isEqualTo(new JsonObject().put("session", "opening-ceremony")
        .put("title", new JsonObject().put("en", "Opening Ceremony").put("zh", "开幕式")).put("status", "ended")
        .put("plannedStart", "2023-08-16T00:30:00Z").put("plannedEnd", "2023-08-16T00:45:00Z")
        .put("actualStart", "2023-08-16T00:35:40Z").put("actualEnd", "2023-08-16T00:52:00Z")
        .put("lateStartMinutes", 5).put("overrunMinutes", 7).put("startedBy", "staff:li").put("endedBy", "staff:wang"));
    AsRunReport.Line welcome = report.rooms().get("main-hall").get(1);
    assertThat(welcome.lateStartMinutes()).isEqualTo(7);
    assertThat(welcome.overrunMinutes()).as("ended 2 minutes before its planned end").isEqualTo(-2);
    AsRunReport.Line cancelled = report.rooms().get("main-hall").get(2);
    assertThat(cancelled.status()).isEqualTo(Session.Status.CANCELLED);
    assertThat(cancelled.toJson().getValue("actualStart")).isNull();
    assertThat(cancelled.toJson().containsKey("overrunMinutes")).as("a null is sent, so every row has one shape").isTrue();
    assertThat(cancelled.startedBy()).isNull();
  }

  @Test
  void roomsComeInTheirOrderWithEachSessionWhereItRan() {
    AsRunReport report = AsRunReport.of(ranSo(), DAY, ACTORS);
    assertThat(report.rooms().keySet()).containsExactly("main-hall", "forum-a", "forum-b", "expo-hall");
    assertThat(report.rooms().get("main-hall")).extracting(AsRunReport.Line::session).endsWith("matchmaking-meeting-2");
    assertThat(report.rooms().get("forum-b")).extracting(AsRunReport.Line::session)
        .containsExactly("matchmaking-meeting-1", "matchmaking-break");
    JsonObject json = report.toJson();
    assertThat(json.getString("day")).isEqualTo("2023-08-16");
    assertThat(json.getString("timeZone")).isEqualTo("Asia/Shanghai");
    assertThat(json.getJsonObject("rooms").getJsonArray("main-hall")).hasSize(10);
    assertThat(AsRunReport.of(ranSo(), DAY.plusDays(1), ACTORS).rooms()).as("nothing planned that day").isEmpty();
  }
}

package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** Announcements, the stage, emergencies, award reveals and screens, as pure rules. */
@Tag("unit")
class StageAwardScreenRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2023-08-16T03:00:00Z");
  private final Agenda demo = DemoEvent.agenda();

  private static Change change(Agenda agenda, String json) {
    return Catalogue.parse(new JsonObject(json)).decide(agenda, new Facts(NOW, "t1", "scr-1"));
  }

  private static void refused(Agenda agenda, String json, String code) {
    assertThatThrownBy(() -> change(agenda, json)).isInstanceOf(CommandRejected.class)
        .extracting(e -> ((CommandRejected) e).code().wire()).isEqualTo(code);
  }

  @Test
  void announcementsArePostedWithExpiryAndCleared() {
    Change posted = change(demo, "{\"type\":\"announcement.post\",\"announcement\":\"lunch\","
        + "\"text\":{\"en\":\"Lunch in Hall B\",\"zh\":\"午餐在B厅\"},\"expiresInMinutes\":30}");
    Agenda after = demo.apply(posted);
    Announcement a = after.announcements().get(0);
    assertThat(a.text().in("zh")).isEqualTo("午餐在B厅");
    assertThat(a.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    assertThat(posted.kind().audience()).isEqualTo(Audience.PUBLIC);
    Agenda cleared = after.apply(change(after, "{\"type\":\"announcement.clear\",\"announcement\":\"lunch\"}"));
    assertThat(cleared.announcements()).isEmpty();
    refused(cleared, "{\"type\":\"announcement.clear\",\"announcement\":\"lunch\"}", "unknown_announcement");
    refused(demo, "{\"type\":\"announcement.post\",\"text\":\"x\",\"expiresAt\":\"2023-08-16T08:00\"}", "invalid_field");
    refused(demo, "{\"type\":\"announcement.post\",\"text\":\"\"}", "invalid_field");
    refused(demo, "{\"type\":\"announcement.post\",\"text\":\"x\",\"expiresInMinutes\":0}", "invalid_field");
  }

  @Test
  void theStageShowsWhoSpeaksAndWhoIsNext() {
    Agenda staged = demo.apply(change(demo,
        "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":\"gan-yong\",\"next\":\"wang-haizhou\"}"));
    Session s = staged.session("keynote-gan-yong").orElseThrow();
    assertThat(s.onStage()).isEqualTo("gan-yong");
    assertThat(s.upNext()).isEqualTo("wang-haizhou");
    Agenda off = staged.apply(change(staged, "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":null}"));
    assertThat(off.session("keynote-gan-yong").orElseThrow().onStage()).isNull();
    assertThat(off.session("keynote-gan-yong").orElseThrow().upNext()).as("the cue stays unless named").isEqualTo("wang-haizhou");
    refused(demo, "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":\"nobody\"}", "unknown_speaker");
  }

  @Test
  void anEmergencyTakesOverUntilCleared() {
    Agenda alarm = demo.apply(change(demo, "{\"type\":\"notice.emergency\",\"text\":{\"en\":\"Evacuate\",\"zh\":\"请疏散\"}}"));
    assertThat(alarm.notice().text().in("en")).isEqualTo("Evacuate");
    Agenda calm = alarm.apply(change(alarm, "{\"type\":\"notice.clear\"}"));
    assertThat(calm.notice()).isNull();
    refused(calm, "{\"type\":\"notice.clear\"}", "invalid_state");
    refused(demo, "{\"type\":\"notice.emergency\"}", "invalid_field");
  }

  @Test
  void resultsStayStaffOnlyUntilRevealedThenRevealLowestPlaceFirst() {
    Change set = change(demo, "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":["
        + "{\"rank\":1,\"nominee\":\"demo-enterprise-b\"},{\"rank\":2,\"nominee\":\"demo-enterprise-a\"},"
        + "{\"rank\":3,\"nominee\":\"demo-enterprise-c\"}]}");
    assertThat(set.kind().audience()).isEqualTo(Audience.EMBARGO);
    Agenda withResult = demo.apply(set);
    assertThat(withResult.award("leading-enterprises").orElseThrow().toJson(Audience.PUBLIC).getJsonArray("results")).isEmpty();

    Change one = change(withResult, "{\"type\":\"award.reveal\",\"award\":\"leading-enterprises\",\"rank\":3}");
    assertThat(one.kind().audience()).isEqualTo(Audience.PUBLIC);
    assertThat(ChangeCodec.encode(one).getJsonArray("results")).hasSize(1);
    assertThat(ChangeCodec.encode(one).getLong("showAt")).as("not a moment before the reveal").isEqualTo(NOW.toEpochMilli());
    Agenda third = withResult.apply(one);
    assertThat(third.award("leading-enterprises").orElseThrow().toJson(Audience.PUBLIC).getJsonArray("results")).hasSize(1);

    Change rest = change(third, "{\"type\":\"award.reveal\",\"award\":\"leading-enterprises\"}");
    assertThat(ChangeCodec.encode(rest).getJsonArray("results").stream().map(r -> ((JsonObject) r).getInteger("rank")).toList())
        .containsExactly(2, 1);
    assertThat(ChangeCodec.encode(rest).getJsonArray("results").getJsonObject(1).getString("nominee")).isEqualTo("demo-enterprise-b");
    Agenda all = third.apply(rest);
    refused(all, "{\"type\":\"award.reveal\",\"award\":\"leading-enterprises\"}", "invalid_state");
    refused(all, "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,"
        + "\"nominee\":\"demo-enterprise-c\"}]}", "invalid_state");
    refused(demo, "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,"
        + "\"nominee\":\"demo-laureate-a\"}]}", "unknown_nominee");
    refused(demo, "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,"
        + "\"nominee\":\"demo-enterprise-a\"},{\"rank\":2,\"nominee\":\"demo-enterprise-a\"}]}", "invalid_field");
    refused(demo, "{\"type\":\"award.reveal\",\"award\":\"best-hat\"}", "unknown_award");
  }

  @Test
  void screensArePairedAssignedAndAddressedOneByOne() {
    Change paired = change(demo, "{\"type\":\"screen.pair\",\"code\":\"k7p3qx\",\"room\":\"forum-a\",\"layout\":\"room\"}");
    assertThat(paired.kind().audience()).isEqualTo(Audience.STAFF);
    assertThat(ChangeCodec.encode(paired).getString("screen")).isEqualTo("scr-1");
    Agenda withScreen = demo.apply(paired);
    Screen s = withScreen.screen("scr-1").orElseThrow();
    assertThat(s.name().in("en")).isEqualTo("Sub-forum A");
    assertThat(withScreen.toJson(Audience.PUBLIC).containsKey("screens")).isFalse();
    assertThat(withScreen.toJson(Audience.STAFF).getJsonArray("screens")).hasSize(1);

    Agenda moved = withScreen.apply(change(withScreen, "{\"type\":\"screen.assign\",\"screen\":\"scr-1\",\"layout\":\"foyer\",\"lang\":\"en-zh\"}"));
    assertThat(moved.screen("scr-1").orElseThrow().layout()).isEqualTo(Screen.Layout.FOYER);
    assertThat(ChangeCodec.encode(change(moved, "{\"type\":\"screen.identify\",\"screen\":\"scr-1\"}")).getString("screen")).isEqualTo("scr-1");
    refused(moved, "{\"type\":\"screen.reload\",\"screen\":\"scr-9\"}", "unknown_screen");
    refused(moved, "{\"type\":\"screen.assign\",\"screen\":\"scr-1\",\"room\":\"attic\"}", "unknown_room");
    refused(moved, "{\"type\":\"screen.assign\",\"screen\":\"scr-1\",\"lang\":\"fr\"}", "invalid_field");
    refused(moved, "{\"type\":\"screen.pair\",\"code\":\"no!\",\"room\":\"forum-a\",\"layout\":\"room\"}", "invalid_field");
  }
}

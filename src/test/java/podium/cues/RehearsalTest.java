package podium.cues;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.DemoEvent;
import podium.LiveClient;
import podium.Node;
import podium.TestDatabase;
import podium.TestNode;
import podium.event.Agenda;
import podium.event.EventClock;
import podium.store.ApiTokens;
import podium.store.Database;
import podium.store.EventImport;

/**
 * A rehearsal of the demo day with its run of show: the copy's clock at 20x fires the cues in the
 * order they fall due, and nothing reaches the real event's channels.
 */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class RehearsalTest {

  private static final String REHEARSAL = "baotou-2023-rehearsal";

  @Test
  void aRehearsalClockAt20xRunsTheDaysCuesInOrderAndTheRealEventHearsNothing(Vertx vertx) {
    PgConnectOptions db = TestDatabase.fresh();
    Pool setup = Database.pool(vertx, db, 2, "rehearsal-seed");
    // The real event with its cue list, its clock standing still before any cue: only the rehearsal moves.
    Agenda demo = DemoEvent.agenda();
    Instant early = LocalDateTime.parse("2023-08-16T08:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    Agenda paused = new Agenda(demo.event().withClock(EventClock.simulated(Instant.now(), early, 1, true)),
        demo.rooms(), demo.sessions(), demo.speakers(), List.of(), null, demo.awards(), List.of(), demo.cues());
    EventImport.create(setup, paused).compose(id -> ApiTokens.ensureAdmin(setup, TestNode.ADMIN_TOKEN)).await();
    setup.close().await();
    int port = TestNode.freePort();
    Node node = TestNode.start(vertx, db, port, "rehearsal");
    try (Api api = new Api(vertx, port); LiveClient realPhone = LiveClient.connect(vertx, port)) {
      realPhone.hello();
      realPhone.awaitType("snapshot");
      long realVersion = api.snapshot().getLong("version");

      HttpResponse<Buffer> made = api.call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/rehearsal", "",
          "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
      assertThat(made.bodyAsJsonObject().getString("rehearsalOf")).isEqualTo(TestNode.SLUG);
      awaitEvent(api);
      JsonObject copy = api.get("/api/events/" + REHEARSAL).bodyAsJsonObject();
      assertThat(copy.getJsonObject("event").getJsonObject("clock").getBoolean("paused")).isTrue();
      assertThat(copy.getJsonArray("awards").getJsonObject(0).getJsonArray("results")).as("no real result").isEmpty();
      rehearse(api, "{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,"
          + "\"nominee\":\"demo-enterprise-a\"}]}");
      rehearse(api, "{\"type\":\"award.set_results\",\"award\":\"individual-accolades\",\"results\":[{\"rank\":1,"
          + "\"nominee\":\"demo-laureate-a\"}]}");

      rehearse(api, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:26\",\"speed\":20,\"paused\":false}");
      awaitFired(api, "welcome-speech", 90_000);
      rehearse(api, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T11:19\"}");
      awaitFired(api, "reveal-individuals", 60_000);

      List<String> order = firedOrder(api);
      assertThat(order).containsExactly("doors-open", "opening", "welcome-speech", "awards", "reveal-enterprises",
          "reveal-individuals");
      // The jump went past the keynotes and reports: hours overdue, they are left to staff, not fired late.
      JsonObject after = api.get("/api/events/" + REHEARSAL).bodyAsJsonObject();
      assertThat(after.encode()).contains("\"nominee\":\"demo-laureate-a\"");
      assertThat(api.snapshot().getLong("version")).as("the real event did not move").isEqualTo(realVersion);
      assertThat(realPhone.ofType("change")).as("nothing reached the real event's phone").isEmpty();
      assertThat(realPhone.ofType("skip")).isEmpty();
    } finally {
      node.stop().await();
    }
  }

  private static void rehearse(Api api, String json) {
    HttpResponse<Buffer> r = api.call(HttpMethod.POST, "/api/events/" + REHEARSAL + "/commands", json, "Content-Type",
        "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    assertThat(r.statusCode()).as(json + " -> " + r.bodyAsString()).isEqualTo(200);
  }

  private static void awaitEvent(Api api) {
    Await.until("GET /api/events/" + REHEARSAL + " to answer 200",
        () -> api.get("/api/events/" + REHEARSAL).statusCode(), status -> status == 200);
  }

  private static List<String> firedOrder(Api api) {
    JsonObject log = api.get("/api/events/" + REHEARSAL + "/changes", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .bodyAsJsonObject();
    List<String> fired = new ArrayList<>();
    for (Object o : log.getJsonArray("changes")) {
      JsonObject c = (JsonObject) o;
      if ("cue.fired".equals(c.getString("kind"))) {
        fired.add(c.getJsonObject("data").getString("cue"));
      }
    }
    return fired;
  }

  private static void awaitFired(Api api, String cue, long ms) {
    long until = System.currentTimeMillis() + ms;
    while (!firedOrder(api).contains(cue) && System.currentTimeMillis() < until) {
      LiveClient.sleep(200);
    }
    assertThat(firedOrder(api)).as("fired so far").contains(cue);
  }
}

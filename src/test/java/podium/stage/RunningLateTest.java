package podium.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/**
 * Running late on a node, with no staff command but starting sessions: the hub's stage clock
 * publishes each room's projection (room.running_late) to phones and screens as it moves, by whole
 * minutes, without touching the plan; other rooms stay put; a rehearsal's clock at 20× moves it.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class RunningLateTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private TestNode.Running node;
  private Api api;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "running-late");
    api = new Api(vertx, node.port());
  }

  @AfterEach
  void stop() {
    api.close();
    node.stop();
  }

  private void command(String slug, String json) {
    HttpResponse<Buffer> r = api.call(HttpMethod.POST, "/api/events/" + slug + "/commands", json, "Content-Type",
        "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    assertThat(r.statusCode()).as(json + " -> " + r.bodyAsString()).isEqualTo(200);
  }

  /** The room's projection as the last room.running_late frame for it said: session → expected start (local). */
  private static Map<String, String> expected(LiveClient phone, String room) {
    Map<String, String> out = new HashMap<>();
    JsonObject last = null;
    for (JsonObject f : phone.ofType("change")) {
      if ("room.running_late".equals(f.getString("kind")) && room.equals(f.getJsonObject("data").getString("room"))) {
        last = f;
      }
    }
    if (last != null) {
      JsonArray list = last.getJsonObject("data").getJsonArray("rooms").getJsonObject(0).getJsonObject("stage")
          .getJsonArray("expected");
      for (Object o : list) {
        JsonObject e = (JsonObject) o;
        out.put(e.getString("session"), local(e.getString("start")) + "+" + e.getInteger("lateMinutes"));
      }
    }
    return out;
  }

  private static String local(String instant) {
    return java.time.Instant.parse(instant).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime().toString();
  }

  @Test
  void theOpeningStartedFiveMinutesLatePushesTheMainHallUpToTheTeaBreakAndNothingElse(Vertx vertx) {
    try (LiveClient phone = LiveClient.connect(vertx, node.port());
        LiveClient screen = LiveClient.connect(vertx, node.port())) {
      phone.hello();
      screen.hello(new JsonObject().put("channels", new JsonArray().add("public").add("room:main-hall")));
      phone.awaitType("snapshot");
      screen.awaitType("snapshot");
      command(TestNode.SLUG, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:35\",\"paused\":true}");
      command(TestNode.SLUG, "{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}");

      phone.await(f -> "room.running_late".equals(f.getString("kind")), WAIT);
      Map<String, String> late = expected(phone, "main-hall");
      // Opening 08:35-08:50 (its own length); the three after it move 5 minutes; the 15-minute tea
      // break shrinks to 10 and the report after it keeps its time.
      assertThat(late).containsOnly(Map.entry("welcome-speech", "08:50+5"), Map.entry("keynote-gan-yong", "09:10+5"),
          Map.entry("keynote-wang-haizhou", "09:40+5"), Map.entry("morning-tea-break", "10:10+5"));
      screen.await(f -> "room.running_late".equals(f.getString("kind")), WAIT);
      assertThat(expected(screen, "main-hall")).isEqualTo(late);
      assertThat(phone.ofType("change")).as("no other room moved")
          .filteredOn(f -> "room.running_late".equals(f.getString("kind")))
          .allSatisfy(f -> assertThat(f.getJsonObject("data").getString("room")).isEqualTo("main-hall"));
      JsonObject keynote = Api.session(api.snapshot(), "keynote-gan-yong");
      assertThat(keynote.getString("start")).as("the plan is untouched").isEqualTo("2023-08-16T01:05:00Z");
      assertThat(keynote.getInteger("delayMinutes")).isZero();
      assertThat(phone.problems).isEmpty();
    }
  }

  @Test
  void aRehearsalAt20xMovesItsProjectionWithItsClock(Vertx vertx) {
    HttpResponse<Buffer> made = api.call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/rehearsal", "",
        "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    String rehearsal = made.bodyAsJsonObject().getString("slug");
    long until = System.nanoTime() + WAIT.toNanos();
    while (api.get("/api/events/" + rehearsal).statusCode() != 200 && System.nanoTime() < until) {
      LiveClient.sleep(20);
    }
    try (LiveClient phone = LiveClient.connect(vertx, node.port())) {
      phone.hello(new JsonObject().put("event", rehearsal));
      phone.awaitType("snapshot");
      command(rehearsal, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:30\",\"paused\":true}");
      command(rehearsal, "{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}");
      // Nobody ends the opening: from 08:45 on the event clock it runs over, a minute each 3 s here.
      command(rehearsal, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:44\",\"speed\":20,\"paused\":false}");
      phone.await(f -> "room.running_late".equals(f.getString("kind"))
          && expected(phone, "main-hall").getOrDefault("welcome-speech", "").endsWith("+3"), Duration.ofSeconds(60));
      Map<String, String> late = expected(phone, "main-hall");
      assertThat(late.get("opening-ceremony")).as("the opening, expected to end later").isNotNull();
      long moves = phone.ofType("change").stream().filter(f -> "room.running_late".equals(f.getString("kind"))).count();
      assertThat(moves).as("a change per minute of drift, not per second").isLessThanOrEqualTo(6);
    }
  }
}

package podium.cues;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;
import podium.browser.Browser;

/**
 * The delivery report counts what the connected clients acknowledged, a Chromium screen's own acks
 * among them, and names a screen that is held offline as lagging, by itself (no new change, no
 * reload). When it may name one (3 s after the change) is DeliverySummaryTest's, on a given clock.
 */
@ExtendWith(VertxExtension.class)
@Tag("browser")
class DeliveryReportTest {

  @Test
  void theReportCountsTheConnectedClientsAndNamesAScreenHeldOffline(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "deliveries");
    List<LiveClient> clients = new ArrayList<>();
    try (Api api = new Api(vertx, node.port()); Browser wall = Browser.start(1280, 720)) {
      // A real screen in Chromium, paired by its code as staff would.
      wall.open("http://localhost:" + node.port() + "/screen.html");
      String code = wall.until(Duration.ofSeconds(10), "the pairing code", d -> {
        String t = wall.text(".pair-code");
        return t.isBlank() ? null : t.trim();
      });
      assertThat(api.command(new JsonObject().put("type", "screen.pair").put("code", code).put("room", "main-hall")
          .put("layout", "room").put("name", "Wall")).statusCode()).isEqualTo(200);
      LiveClient tv = screen(vertx, api, node.port(), "forum-a", "TV A");
      LiveClient held = screen(vertx, api, node.port(), "forum-a", "TV held");
      clients.add(tv);
      clients.add(held);
      for (int i = 0; i < 5; i++) {
        LiveClient phone = LiveClient.connect(vertx, node.port());
        phone.hello(i < 3 ? new JsonObject().put("channels", List.of("public", "room:forum-a")) : new JsonObject());
        phone.awaitType("snapshot");
        clients.add(phone);
      }
      wall.until(Duration.ofSeconds(10), "the wall shows its room", d -> wall.text("#screen").contains("Main Hall"));

      long v = api.command(new JsonObject("{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":5}"))
          .bodyAsJsonObject().getLong("version");
      for (LiveClient c : clients) {
        c.awaitVersion(v, Duration.ofSeconds(5));
        c.ack(v);
      }
      JsonObject first = await(api, v, r -> r.getJsonObject("reached").getJsonObject("screens").getLong("have") == 3
          && r.getJsonObject("reached").getJsonObject("phones").getLong("have") == 5);
      JsonObject screens = first.getJsonObject("reached").getJsonObject("screens");
      assertThat(screens.getLong("of")).isEqualTo(3);
      assertThat(screens.getJsonObject("rooms").getJsonObject("main-hall").getLong("have")).as("the Chromium wall")
          .isEqualTo(1);
      assertThat(screens.getJsonObject("rooms").getJsonObject("forum-a").getLong("have")).isEqualTo(2);
      JsonObject phones = first.getJsonObject("reached").getJsonObject("phones");
      assertThat(phones.getLong("of")).isEqualTo(5);
      assertThat(phones.getJsonObject("rooms").getJsonObject("forum-a").getLong("have")).isEqualTo(3);
      assertThat(first.getLong("p99Ms")).isNotNull();

      // One screen stops acknowledging: it is held offline. Everyone else goes on.
      long next = api.command(new JsonObject("{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":5}"))
          .bodyAsJsonObject().getLong("version");
      long committed = System.currentTimeMillis();
      for (LiveClient c : clients) {
        c.awaitVersion(next, Duration.ofSeconds(5));
        if (c != held) {
          c.ack(next);
        }
      }
      JsonObject lag = await(api, next, r -> !r.getJsonArray("lagging").isEmpty());
      System.out.println("[deliveries] the held screen named as lagging " + (System.currentTimeMillis() - committed)
          + " ms after the change");
      JsonArray lagging = lag.getJsonArray("lagging");
      assertThat(lagging).hasSize(1);
      assertThat(lagging.getJsonObject(0).getJsonObject("name").getString("en")).isEqualTo("TV held");
      assertThat(lag.getJsonObject("reached").getJsonObject("screens").getLong("have")).isEqualTo(2);
    } finally {
      clients.forEach(LiveClient::close);
      node.stop();
    }
  }

  /** A screen paired through the API, subscribed with its device token. */
  private static LiveClient screen(Vertx vertx, Api api, int port, String room, String name) {
    JsonObject made = api.call(HttpMethod.POST, "/api/screens", null).bodyAsJsonObject();
    assertThat(api.command(new JsonObject().put("type", "screen.pair").put("code", made.getString("code"))
        .put("room", room).put("layout", "room").put("name", name)).statusCode()).isEqualTo(200);
    LiveClient c = LiveClient.connect(vertx, port);
    c.hello(new JsonObject().put("channels", List.of("public", "room:" + room, "screen:" + made.getString("screen")))
        .put("token", made.getString("token")));
    c.awaitType("snapshot");
    return c;
  }

  /** Reads the report until it says so; 30 s, generous beside the 3 s lag rule and the nodes' writes every second. */
  private static JsonObject await(Api api, long version, java.util.function.Predicate<JsonObject> done) {
    long until = System.currentTimeMillis() + 30_000;
    JsonObject last = null;
    while (System.currentTimeMillis() < until) {
      JsonObject report = api.get("/api/events/" + TestNode.SLUG + "/deliveries", "Authorization",
          "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject();
      for (Object o : report.getJsonArray("versions")) {
        JsonObject r = (JsonObject) o;
        if (r.getLong("version") == version) {
          last = r;
          if (done.test(r)) {
            return r;
          }
        }
      }
      LiveClient.sleep(100);
    }
    throw new AssertionError("the report never got there; last: " + last);
  }
}

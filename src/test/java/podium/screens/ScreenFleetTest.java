package podium.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/** Pairing a screen, addressing changes to it alone, and seeing it in the fleet; embargo over the socket. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class ScreenFleetTest {

  @Test
  void aScreenIsPairedByCodeAndGetsOnlyItsOwnScreenChanges(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "fleet");
    int port = node.port();
    WebClient web = WebClient.create(vertx);
    try (Api api = new Api(vertx, port)) {
      JsonObject made = web.post(port, "localhost", "/api/screens").send().await().bodyAsJsonObject();
      String screen = made.getString("screen");
      String token = made.getString("token");
      assertThat(made.getString("code")).matches("[A-Z2-9]{6}");
      assertThat(me(web, port, token).getBoolean("paired")).isFalse();
      assertThat(web.get(port, "localhost", "/api/screens/me").bearerTokenAuthentication("forged").send().await()
          .statusCode()).isEqualTo(401);

      HttpResponse<Buffer> wrong = api.command(new JsonObject().put("type", "screen.pair").put("code", "ZZZZZZ")
          .put("room", "main-hall").put("layout", "stage"));
      assertThat(wrong.statusCode()).isEqualTo(422);
      assertThat(wrong.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unknown_code");

      HttpResponse<Buffer> paired = api.command(new JsonObject().put("type", "screen.pair")
          .put("code", made.getString("code").toLowerCase()).put("room", "main-hall").put("layout", "stage"));
      assertThat(paired.bodyAsJsonObject().getString("kind")).as(paired.bodyAsString()).isEqualTo("screen.assigned");
      JsonObject assignment = me(web, port, token);
      assertThat(assignment.getBoolean("paired")).isTrue();
      assertThat(assignment.getString("event")).isEqualTo(TestNode.SLUG);
      assertThat(assignment.getString("layout")).isEqualTo("stage");
      assertThat(api.command(new JsonObject().put("type", "screen.pair").put("code", made.getString("code"))
          .put("room", "main-hall").put("layout", "stage")).statusCode()).as("a code pairs once").isEqualTo(422);

      try (LiveClient tv = LiveClient.connect(vertx, port); LiveClient phone = LiveClient.connect(vertx, port);
          LiveClient impostor = LiveClient.connect(vertx, port)) {
        impostor.hello(new JsonObject().put("channels", List.of("public", "screen:" + screen)).put("token", "forged"));
        assertThat(impostor.awaitType("error").getString("code")).isEqualTo("unauthorized");
        tv.hello(new JsonObject().put("channels", List.of("public", "room:main-hall", "screen:" + screen)).put("token", token));
        phone.hello();
        tv.awaitType("snapshot");
        phone.awaitType("snapshot");

        long identify = api.command(new JsonObject().put("type", "screen.identify").put("screen", screen))
            .bodyAsJsonObject().getLong("version");
        long secret = api.command(new JsonObject("{\"type\":\"award.set_results\",\"award\":\"individual-accolades\","
            + "\"results\":[{\"rank\":1,\"nominee\":\"demo-laureate-c\"},{\"rank\":2,\"nominee\":\"demo-laureate-a\"},"
            + "{\"rank\":3,\"nominee\":\"demo-laureate-b\"}]}")).bodyAsJsonObject().getLong("version");
        long reveal = api.command(new JsonObject().put("type", "award.reveal").put("award", "individual-accolades")
            .put("rank", 1)).bodyAsJsonObject().getLong("version");
        tv.awaitVersion(reveal, Duration.ofSeconds(5));
        phone.awaitVersion(reveal, Duration.ofSeconds(5));

        assertThat(kindAt(tv, identify)).isEqualTo("screen.identify");
        assertThat(kindAt(phone, identify)).isEqualTo("skip");
        assertThat(kindAt(tv, secret)).as("a screen is not staff").isEqualTo("skip");
        assertThat(kindAt(phone, secret)).isEqualTo("skip");
        assertThat(tv.frames.toString() + phone.frames.toString().substring(0, Math.min(0, 1)))
            .doesNotContain("\"nominee\":\"demo-laureate-a\"");
        JsonObject revealed = phone.await(f -> f.getLong("version", -1L) == reveal, Duration.ofSeconds(1));
        assertThat(revealed.getJsonObject("data").getJsonArray("results").getJsonObject(0).getString("nominee"))
            .isEqualTo("demo-laureate-c");

        JsonObject fleet = api.get("/api/events/" + TestNode.SLUG + "/screens", "Authorization",
            "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject();
        JsonObject row = fleet.getJsonArray("screens").getJsonObject(0);
        assertThat(row.getString("screen")).isEqualTo(screen);
        assertThat(row.getBoolean("online")).isTrue();
        assertThat(row.getString("node")).isEqualTo("fleet");
        assertThat(api.get("/api/events/" + TestNode.SLUG + "/screens").statusCode()).isEqualTo(401);
      }
      int refused = 0;
      for (int i = 0; i < 15; i++) {
        refused += web.post(port, "localhost", "/api/screens").send().await().statusCode() == 429 ? 1 : 0;
      }
      assertThat(refused).as("one address cannot flood the pairing codes").isGreaterThanOrEqualTo(5);
    } finally {
      web.close();
      node.stop();
    }
  }

  private static String kindAt(LiveClient c, long version) {
    JsonObject f = c.await(x -> x.getLong("version", -1L) == version && !"snapshot".equals(x.getString("type"))
        && !"welcome".equals(x.getString("type")), Duration.ofSeconds(1));
    return "skip".equals(f.getString("type")) ? "skip" : f.getString("kind");
  }

  private static JsonObject me(WebClient web, int port, String token) {
    return web.get(port, "localhost", "/api/screens/me").bearerTokenAuthentication(token).send().await()
        .bodyAsJsonObject();
  }
}

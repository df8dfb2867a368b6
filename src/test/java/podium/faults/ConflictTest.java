package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.Await;
import podium.TestNode;

/**
 * Two editors, each with their own token, post conflicting edits of one session at the same
 * moment, both made on the same view (the same expectedVersion). Over many rounds: exactly one
 * wins, the other gets 409 stale_version with the version and the session as the winner left it.
 * Edits of different sessions on the same view both pass: conflicts are per touched entity.
 */
@Tag("faults")
class ConflictTest {

  private static final int ROUNDS = 30;

  @Test
  void ofTwoSimultaneousEditsOnOneViewExactlyOneWinsAndTheOtherGetsTheCurrentState() {
    Vertx vertx = Vertx.vertx();
    TestNode.Running node = TestNode.startSeeded(vertx, "conflicts");
    WebClient web = WebClient.create(vertx);
    try (Api api = new Api(vertx, node.port())) {
      String ana = token(api, "ana");
      String bo = token(api, "bo");
      int anaWon = 0;
      for (int round = 0; round < ROUNDS; round++) {
        long seen = api.snapshot().getLong("version");
        // Edits that each pass their own rules whoever wins: only the stale view can refuse them.
        JsonObject delay = Direct.delay("keynote-gan-yong", 1).put("cascade", true).put("expectedVersion", seen);
        JsonObject move = new JsonObject().put("type", "session.update").put("session", "keynote-gan-yong")
            .put("title", "Keynote, round " + round).put("expectedVersion", seen);
        List<HttpResponse<Buffer>> both = Future.all(post(web, node.port(), ana, delay), post(web, node.port(), bo, move))
            .await().list();
        HttpResponse<Buffer> a = both.get(0);
        HttpResponse<Buffer> b = both.get(1);
        assertThat(List.of(a.statusCode(), b.statusCode())).as("round " + round + ": " + a.bodyAsString() + " / "
            + b.bodyAsString()).containsExactlyInAnyOrder(200, 409);
        HttpResponse<Buffer> won = a.statusCode() == 200 ? a : b;
        HttpResponse<Buffer> lost = a.statusCode() == 200 ? b : a;
        anaWon += a == won ? 1 : 0;
        JsonObject error = lost.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("stale_version");
        assertThat(error.getLong("version")).isEqualTo(won.bodyAsJsonObject().getLong("version")).isEqualTo(seen + 1);
        JsonObject current = error.getJsonObject("current").getJsonArray("sessions").getJsonObject(0);
        awaitVersion(api, seen + 1);
        assertThat(current).as("the session as the winner left it").isEqualTo(Api.session(api.snapshot(),
            "keynote-gan-yong"));
      }
      // Different sessions on the same view: no conflict.
      long seen = api.snapshot().getLong("version");
      List<HttpResponse<Buffer>> both = Future.all(
          post(web, node.port(), ana, Direct.delay("keynote-gan-yong", 1).put("expectedVersion", seen)),
          post(web, node.port(), bo, Direct.delay("academic-conference-1", 1).put("expectedVersion", seen)))
          .await().list();
      assertThat(both).allSatisfy(r -> assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200));
      awaitVersion(api, ROUNDS + 2L);
      assertThat(api.snapshot().getLong("version")).isEqualTo(ROUNDS + 2L);
      System.out.printf("conflicts: %d rounds of two simultaneous edits of one session on one view: one 200 and one"
          + " 409 stale_version with the current session each time (ana won %d, bo %d); two edits of different"
          + " sessions on one view: both applied%n", ROUNDS, anaWon, ROUNDS - anaWon);
    } finally {
      web.close();
      node.stop();
      vertx.close().await();
    }
  }

  private static String token(Api api, String name) {
    HttpResponse<Buffer> made = api.call(HttpMethod.POST, "/api/tokens", new JsonObject().put("name", name)
        .put("role", "editor").encode(), "Content-Type", "application/json", "Authorization",
        "Bearer " + TestNode.ADMIN_TOKEN);
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    return made.bodyAsJsonObject().getString("token");
  }

  private static Future<HttpResponse<Buffer>> post(WebClient web, int port, String token, JsonObject body) {
    return web.post(port, "localhost", "/api/events/" + TestNode.SLUG + "/commands")
        .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
        .sendBuffer(Buffer.buffer(body.encode()));
  }

  private static void awaitVersion(Api api, long version) {
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), version);
  }
}

package podium.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/** Award results entered ahead of time stay on the server until revealed: not in any public read. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class EmbargoTest {

  @Test
  void noEmbargoedResultLeavesThroughTheSnapshotOrTheSocket(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "embargo");
    int port = node.port();
    try (Api api = new Api(vertx, port); LiveClient live = LiveClient.connect(vertx, port)) {
      String publicSnapshot = api.get("/api/events/" + TestNode.SLUG).bodyAsString();
      JsonObject staffSnapshot = api.get("/api/staff/events/" + TestNode.SLUG, "Authorization",
          "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject();
      assertThat(staffSnapshot.getJsonArray("awards").getJsonObject(0).getJsonArray("results")).isNotEmpty();
      assertThat(new JsonObject(publicSnapshot).getJsonArray("awards")).allSatisfy(a ->
          assertThat(((JsonObject) a).getJsonArray("results")).isEmpty());
      assertThat(publicSnapshot).doesNotContain("\"rank\"").doesNotContain("revealedAt");

      live.hello();
      String frame = live.awaitType("snapshot").encode();
      assertThat(frame).doesNotContain("\"rank\"").doesNotContain("revealedAt");
      assertThat(api.get("/api/staff/events/" + TestNode.SLUG).statusCode()).isEqualTo(401);
    } finally {
      node.stop();
    }
  }
}

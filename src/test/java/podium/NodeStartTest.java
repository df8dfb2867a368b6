package podium;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restarting node binds its port before it reads the database: screens that reconnect meanwhile
 * wait on an open socket and are answered once the events are loaded, instead of being refused and
 * backing off. Until then the API answers 503 starting.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class NodeStartTest {

  @Test
  void aStartingNodeHoldsHellosAndTheApiSaysStartingUntilItHasLoaded(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    Node node = Node.listen(vertx, db, new Node.Options(port, 2, "starting", "webroot", 4), null).await();
    try (LiveClient screen = LiveClient.connect(vertx, port); Api api = new Api(vertx, port)) {
      screen.hello();
      LiveClient.sleep(300);
      assertThat(screen.frames).as("held: no error, no frame yet").isEmpty();
      assertThat(screen.isClosed()).isFalse();
      HttpResponse<Buffer> early = api.get("/api/events/" + TestNode.SLUG);
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.getHeader("Retry-After")).isEqualTo("1");
      assertThat(early.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("starting");

      node.load().await();
      screen.awaitType("snapshot");
      assertThat(screen.ofType("welcome")).hasSize(1);
      assertThat(screen.problems).isEmpty();
      assertThat(api.get("/api/events/" + TestNode.SLUG).statusCode()).isEqualTo(200);
    } finally {
      node.stop().await();
    }
  }
}

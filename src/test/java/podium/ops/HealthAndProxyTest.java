package podium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.Node;
import podium.TestNode;
import podium.live.WirePath;

/**
 * Readiness: a serving node is ready and live, and a node that starts to stop is not ready any
 * more while it still answers. Behind a proxy (PODIUM_BEHIND_PROXY) the client's address comes from
 * X-Forwarded-For, so per-address limits count clients, not the proxy; without it the header is
 * ignored.
 */
@Tag("node")
class HealthAndProxyTest {

  @Test
  void aServingNodeIsReadyAndAStoppingOneSaysItIsDraining() {
    Vertx vertx = Vertx.vertx();
    TestNode.Running node = TestNode.startSeeded(vertx, "health");
    try (Api api = new Api(vertx, node.port())) {
      assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
      HttpResponse<Buffer> ready = api.get("/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      JsonObject body = ready.bodyAsJsonObject();
      assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
          .containsExactlyInAnyOrder("database", "changefeed", "events", "draining");
      assertThat(api.get("/health").bodyAsJsonObject().getString("outcome")).isEqualTo("UP");

      Future<Void> stopping = node.node().stop();
      HttpResponse<Buffer> draining = api.get("/health/ready");
      assertThat(draining.statusCode()).isEqualTo(503);
      assertThat(draining.bodyAsString()).contains("\"id\":\"draining\",\"status\":\"DOWN\"");
      stopping.await();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void behindAProxyTheClientAddressComesFromXForwardedForAndOtherwiseNot() {
    Vertx vertx = Vertx.vertx();
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int proxied = TestNode.freePort();
    int direct = TestNode.freePort();
    Node behind = Node.start(vertx, db, new Node.Options(proxied, 2, "behind", "webroot", 4, WirePath.FAST)
        .withClients(true, podium.live.AddressLimits.Settings.DEFAULTS, podium.live.Backpressure.DEFAULTS), null).await();
    Node open = Node.start(vertx, db, new Node.Options(direct, 2, "direct", "webroot", 4), null).await();
    try (Api viaProxy = new Api(vertx, proxied); Api straight = new Api(vertx, direct)) {
      for (int i = 0; i < 10; i++) {
        assertThat(newScreen(viaProxy, "10.0.0.1")).isEqualTo(201);
      }
      assertThat(newScreen(viaProxy, "10.0.0.1")).as("the eleventh from one phone").isEqualTo(429);
      assertThat(newScreen(viaProxy, "10.0.0.2")).as("another phone behind the same proxy").isEqualTo(201);

      for (int i = 0; i < 10; i++) {
        assertThat(newScreen(straight, "10.0.1." + i)).isEqualTo(201);
      }
      assertThat(newScreen(straight, "10.0.2.1")).as("a node not behind a proxy ignores the header").isEqualTo(429);
    } finally {
      open.stop().await();
      behind.stop().await();
      vertx.close().await();
    }
  }

  private static int newScreen(Api api, String forwardedFor) {
    return api.call(HttpMethod.POST, "/api/screens", null, "X-Forwarded-For", forwardedFor).statusCode();
  }
}

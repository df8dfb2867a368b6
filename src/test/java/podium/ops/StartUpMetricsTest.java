package podium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.NodeVertx;
import podium.TestNode;

/**
 * A node on the Vert.x that podium.Main builds, Vert.x's own HTTP, TCP and pool metrics on: it
 * answers requests and holds hellos that reach it while it starts (it listens before it loads),
 * then serves them, and GET /metrics shows both Vert.x's meters and Podium's.
 */
@Tag("node")
class StartUpMetricsTest {

  private static final int SOCKETS = 40;

  @Test
  void requestsDuringStartUpAreAnsweredWithHttpMetricsOnAndEveryMeterShows() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = NodeVertx.create(true, registry);
    Vertx clients = Vertx.vertx();
    PgConnectOptions db = TestNode.seededDatabase(clients);
    int port = TestNode.freePort();
    Node node = Node.listen(vertx, db, new Node.Options(port, 2, "metered", "webroot", 4), registry).await();
    List<LiveClient> held = new ArrayList<>();
    try (Api api = new Api(clients, port)) {
      for (int i = 0; i < SOCKETS; i++) {
        held.add(LiveClient.connect(clients, port).hello());
      }
      HttpResponse<Buffer> early = api.get("/api/events");
      assertThat(early.statusCode()).as("answered while starting").isEqualTo(503);
      assertThat(early.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("starting");
      HttpResponse<Buffer> notReady = api.get("/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.bodyAsString()).contains("\"id\":\"events\",\"status\":\"DOWN\"");
      assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(Scrape.of(api).sum("vertx_http_server_requests_total", "code=\"503\""))
          .as("the early 503s are counted").isGreaterThanOrEqualTo(2);

      node.load().await();
      for (LiveClient c : held) {
        c.awaitType("snapshot");
        assertThat(c.problems).isEmpty();
      }
      assertThat(api.get("/health/ready").statusCode()).isEqualTo(200);
      long version = api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
          .put("minutes", 5)).bodyAsJsonObject().getLong("version");
      assertThat(api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
          .put("minutes", 0)).statusCode()).isEqualTo(400);
      for (LiveClient c : held) {
        c.awaitVersion(version, Duration.ofSeconds(10));
      }

      Scrape m = Scrape.of(api);
      assertThat(m.value("vertx_http_server_active_ws_connections")).isEqualTo(SOCKETS);
      assertThat(m.sum("vertx_http_server_requests_total", "/api/events/:slug/commands\""))
          .isEqualTo(2);
      assertThat(m.value("vertx_pool_in_use", "pool_type=\"sql\"")).isNotNaN();
      assertThat(m.value("podium_sockets")).isEqualTo(SOCKETS);
      assertThat(m.value("podium_sockets_subscribed", "audience=\"public\"")).isEqualTo(SOCKETS);
      assertThat(m.value("podium_commands_total", "type=\"session.delay\"", "result=\"ok\"")).isEqualTo(1);
      assertThat(m.value("podium_commands_total", "type=\"session.delay\"", "result=\"invalid_field\""))
          .isEqualTo(1);
      assertThat(m.value("podium_frames_sent_total", "kind=\"change\"")).isEqualTo(SOCKETS);
      assertThat(m.value("podium_frames_sent_total", "kind=\"snapshot\"")).isEqualTo(SOCKETS);
      assertThat(m.value("podium_frames_sent_bytes_total", "kind=\"change\"")).isGreaterThan(SOCKETS * 100.0);
      assertThat(m.sum("podium_fanout_seconds_count")).as("one per hub with sockets").isBetween(1.0, 2.0);
      assertThat(m.value("podium_changefeed_delay_seconds_count")).isEqualTo(1);
      assertThat(m.value("podium_changefeed_lag_versions", "event=\"" + TestNode.SLUG + "\"")).isZero();
      assertThat(m.value("podium_stale_sockets")).isZero();
      assertThat(m.value("podium_db_pool_size")).isPositive();
      System.out.printf("start-up with HTTP metrics on: %d held hellos answered, 2 early requests answered 503%n",
          SOCKETS);
    } finally {
      held.forEach(LiveClient::close);
      node.stop().await();
      vertx.close().await();
      clients.close().await();
    }
  }
}

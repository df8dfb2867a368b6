package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/** Two hub nodes, each its own Vert.x, on one database: what A commits, B's clients get, in order. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class TwoNodesTest {

  @Test
  void aCommandPostedToNodeAReachesAClientOfNodeBInOrderOnce(Vertx vertxA) {
    PgConnectOptions db = TestNode.seededDatabase(vertxA);
    Vertx vertxB = Vertx.vertx();
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    Node a = TestNode.start(vertxA, db, portA, "node-a");
    Node b = TestNode.start(vertxB, db, portB, "node-b");
    try (Api api = new Api(vertxA, portA); LiveClient onB = LiveClient.connect(vertxB, portB);
        LiveClient onA = LiveClient.connect(vertxA, portA)) {
      onB.hello(new JsonObject().put("channels", List.of("public", "room:main-hall")));
      onA.hello();
      assertThat(onB.awaitType("welcome").getString("node")).isEqualTo("node-b");
      onB.awaitType("snapshot");
      onA.awaitType("snapshot");

      List<Long> latenciesMicros = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        long sent = System.nanoTime();
        long version = api.command(new JsonObject().put("type", "session.delay")
            .put("session", i % 2 == 0 ? "keynote-gan-yong" : "academic-conference-1").put("minutes", 1))
            .bodyAsJsonObject().getLong("version");
        onB.awaitVersion(version, Duration.ofSeconds(5));
        latenciesMicros.add((onB.arrivedAt.get(version) - sent) / 1000);
      }
      onA.awaitVersion(20, Duration.ofSeconds(5));
      for (LiveClient c : List.of(onA, onB)) {
        assertThat(c.problems).isEmpty();
        assertThat(c.ofType("change").stream().map(f -> f.getLong("version")).toList())
            .isEqualTo(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(c.ofType("change")).allSatisfy(f -> assertThat(f.getString("kind")).isEqualTo("session.delayed"));
      }
      latenciesMicros.sort(Long::compare);
      System.out.printf("delivery POST(node A) -> client(node B): p50 %.1f ms, max %.1f ms over %d commands%n",
          latenciesMicros.get(10) / 1000.0, latenciesMicros.get(19) / 1000.0, latenciesMicros.size());
    } finally {
      b.stop().await();
      a.stop().await();
      vertxB.close().await();
    }
  }
}

package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/**
 * A phone that stops reading must not hold up the others or make the server queue without bound:
 * it stops getting deltas, and gets one snapshot when it reads again.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class SlowConsumerTest {

  private static final int COMMANDS = 400;

  @Test
  void aClientThatStopsReadingIsSkippedThenResynced(Vertx vertx) {
    // It reads again within its grace; StuckClientsTest has what happens to one that does not.
    TestNode.Running node = TestNode.startSeeded(vertx, "slow", TestNode.WIRE, TestNode.LONG_GRACE);
    int port = node.port();
    try (Api api = new Api(vertx, port); LiveClient fast = LiveClient.connect(vertx, port);
        LiveClient slow = LiveClient.connect(vertx, port, new WebSocketClientOptions().setReceiveBufferSize(4096))) {
      fast.hello();
      slow.hello();
      fast.awaitType("snapshot");
      slow.awaitType("snapshot");
      slow.socket().pause();

      String en = "A long description that makes every change frame large. ".repeat(34);
      String zh = "稀土新材料与应用产品博览会。".repeat(140);
      long last = 0;
      long worstMs = 0;
      for (int i = 0; i < COMMANDS; i++) {
        long sent = System.nanoTime();
        last = api.command(new JsonObject().put("type", "session.update").put("session", "rare-earth-expo")
            .put("description", new JsonObject().put("en", en + i).put("zh", zh + i))).bodyAsJsonObject().getLong("version");
        fast.awaitVersion(last, Duration.ofSeconds(5));
        worstMs = Math.max(worstMs, (fast.arrivedAt.get(last) - sent) / 1_000_000);
      }
      assertThat(fast.problems).isEmpty();
      assertThat(fast.ofType("change")).hasSize(COMMANDS);
      System.out.printf("fast client, slowest of %d deliveries beside a stalled one: %d ms%n", COMMANDS, worstMs);

      int beforeResume = slow.frames.size();
      slow.socket().resume();
      slow.awaitVersion(last, Duration.ofSeconds(20));
      long changesToSlow = slow.ofType("change").size();
      assertThat(slow.problems).isEmpty();
      assertThat(slow.ofType("snapshot")).as("resynced by a snapshot once it read again").hasSizeGreaterThan(1);
      assertThat(changesToSlow).as("the server stopped queueing deltas for it").isLessThan(COMMANDS / 2);
      System.out.printf("stalled client: %d of %d changes were queued for it, then a snapshot (%d frames before resume)%n",
          changesToSlow, COMMANDS, beforeResume);
    } finally {
      node.stop();
    }
  }
}

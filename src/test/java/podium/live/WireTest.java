package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/**
 * On epoll (as in production) frames go straight to the socket's descriptor while nothing waits in
 * Netty's queue, and queue there once the kernel is full. Across that switch, and back, every frame
 * must arrive whole, once and in order.
 */
class WireTest {

  private Vertx vertx;

  @BeforeEach
  void nativeTransport() {
    vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    assertThat(vertx.isNativeTransportEnabled()).as("epoll, where frames go straight to the descriptor").isTrue();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void framesStayWholeAndInOrderWhenTheKernelBufferFillsAndDrains() {
    TestNode.Running node = TestNode.startSeeded(vertx, "wire");
    try (Api api = new Api(vertx, node.port());
        LiveClient reader = LiveClient.connect(vertx, node.port(), new WebSocketClientOptions().setReceiveBufferSize(4096))) {
      reader.hello();
      reader.awaitType("snapshot");
      long first = reader.version() + 1;
      for (int round = 0; round < ROUNDS; round++) {
        reader.socket().pause();
        long last = 0;
        for (int i = 0; i < PER_ROUND; i++) {
          last = api.command(new JsonObject().put("type", "session.update").put("session", "rare-earth-expo")
              .put("description", new JsonObject().put("en", "#" + round + "." + i + "# " + EN).put("zh", ZH)))
              .bodyAsJsonObject().getLong("version");
        }
        reader.socket().resume();
        reader.awaitVersion(last, Duration.ofSeconds(10));
      }
      assertThat(reader.problems).isEmpty();
      List<JsonObject> changes = reader.ofType("change");
      assertThat(reader.ofType("snapshot")).as("nothing was dropped, so no snapshot was needed").hasSize(1);
      assertThat(changes).hasSize(ROUNDS * PER_ROUND);
      for (int n = 0; n < changes.size(); n++) {
        JsonObject change = changes.get(n);
        assertThat(change.getLong("version")).isEqualTo(first + n);
        assertThat(change.encode()).contains("#" + n / PER_ROUND + "." + n % PER_ROUND + "# ");
      }
    } finally {
      node.stop();
    }
  }

  // About 7 KB a frame: of 70, the paused reader's kernel buffers take some 50, one write in each
  // round is partial, and some 20 (100-150 KB) queue in Netty, under the 256 KiB bound past which a
  // socket would be skipped and re-sent a snapshot.
  private static final int ROUNDS = 3;
  private static final int PER_ROUND = 70;
  private static final String EN = "A description long enough to fill the socket buffers quickly. ".repeat(30);
  private static final String ZH = "稀土新材料与应用产品博览会。".repeat(120);
}

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;

/**
 * Both wire paths, on epoll as in production, across a socket whose reader stops and starts. The
 * fast path writes frames straight to the descriptor while nothing waits in Netty's queue and
 * queues them there once the kernel is full; the plain path leaves all of it to Vert.x. Either
 * way every frame arrives whole, once and in order; and a socket that stays full is marked stale,
 * then recovers with one snapshot.
 */
@Tag("node")
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

  @ParameterizedTest
  @EnumSource(WirePath.class)
  void framesStayWholeAndInOrderWhenTheKernelBufferFillsAndDrains(WirePath wire) {
    TestNode.Running node = TestNode.startSeeded(vertx, "wire-" + wire, wire);
    try (Api api = new Api(vertx, node.port()); LiveClient reader = slowReader(node)) {
      long first = reader.version() + 1;
      for (int round = 0; round < ROUNDS; round++) {
        reader.socket().pause();
        long last = 0;
        for (int i = 0; i < PER_ROUND; i++) {
          last = update(api, round + "." + i);
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

  @ParameterizedTest
  @EnumSource(WirePath.class)
  void aSocketThatStaysFullIsMarkedStaleThenRecoversWithASnapshot(WirePath wire) {
    // Read again within its grace (StuckClientsTest has what happens after it).
    TestNode.Running node = TestNode.startSeeded(vertx, "wire-stale-" + wire, wire, TestNode.LONG_GRACE);
    try (Api api = new Api(vertx, node.port()); LiveClient reader = slowReader(node)) {
      reader.socket().pause();
      long last = 0;
      for (int i = 0; i < STALLED; i++) {
        last = update(api, "stalled." + i);
      }
      reader.socket().resume();
      reader.awaitVersion(last, Duration.ofSeconds(20));
      int changesWhileStalled = reader.ofType("change").size();
      assertThat(changesWhileStalled).as("the node stopped sending deltas to the full socket").isLessThan(STALLED);
      assertThat(reader.ofType("snapshot")).as("then one snapshot once it read again").hasSize(2);

      long resumed = 0;
      for (int i = 0; i < 5; i++) {
        resumed = update(api, "after." + i);
      }
      reader.awaitVersion(resumed, Duration.ofSeconds(10));
      assertThat(reader.ofType("change")).as("and every change after it").hasSize(changesWhileStalled + 5);
      assertThat(reader.problems).isEmpty();
    } finally {
      node.stop();
    }
  }

  /** Subscribed, with a small receive buffer so that a pause soon fills the server's side. */
  private LiveClient slowReader(TestNode.Running node) {
    LiveClient reader = LiveClient.connect(vertx, node.port(), new WebSocketClientOptions().setReceiveBufferSize(4096));
    reader.hello();
    reader.awaitType("snapshot");
    return reader;
  }

  private static long update(Api api, String tag) {
    return api.command(new JsonObject().put("type", "session.update").put("session", "rare-earth-expo")
        .put("description", new JsonObject().put("en", "#" + tag + "# " + EN).put("zh", ZH)))
        .bodyAsJsonObject().getLong("version");
  }

  // About 7 KB a frame: of 30, the paused reader's kernel buffers take some 8 (a 32 KiB send
  // buffer), one write in each round is partial, and some 22 (about 150 KB) queue in Netty, under
  // the 256 KiB bound past which a socket would be skipped and re-sent a snapshot. 200 (1.4 MB) are
  // well past it on either path.
  private static final int ROUNDS = 3;
  private static final int PER_ROUND = 30;
  private static final int STALLED = 200;
  private static final String EN = "A description long enough to fill the socket buffers quickly. ".repeat(30);
  private static final String ZH = "稀土新材料与应用产品博览会。".repeat(120);
}

package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/** A client that comes back gets exactly what it missed, or a snapshot when that is no longer kept. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class ResumeTest {

  private Node node;
  private Api api;
  private int port;

  @BeforeAll
  void start(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "resume");
    api = new Api(vertx, port);
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop().await();
  }

  private int sent;

  /** Back and forth by a minute, so that a thousand delays stay within the day. */
  private long delay() {
    return api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
        .put("minutes", sent++ % 2 == 0 ? 1 : -1)).bodyAsJsonObject().getLong("version");
  }

  @Test
  void aClientThatMissedFiveChangesGetsExactlyThoseFive(Vertx vertx) {
    String epoch;
    long left;
    try (LiveClient first = LiveClient.connect(vertx, port)) {
      first.hello();
      epoch = first.awaitType("welcome").getString("epoch");
      left = first.awaitType("snapshot").getLong("version");
    }
    long last = 0;
    for (int i = 0; i < 5; i++) {
      last = delay();
    }
    awaitNodeAt(last);
    try (LiveClient back = LiveClient.connect(vertx, port)) {
      back.resume(epoch, left);
      back.awaitVersion(last, Duration.ofSeconds(5));
      assertThat(back.ofType("snapshot")).isEmpty();
      assertThat(back.ofType("change").stream().map(f -> f.getLong("version")).toList())
          .isEqualTo(LongStream.rangeClosed(left + 1, left + 5).boxed().toList());
      assertThat(back.problems).isEmpty();
    }
  }

  @Test
  void anUnknownEpochOrAFutureVersionGetsASnapshot(Vertx vertx) {
    long now = api.snapshot().getLong("version");
    String epoch = api.snapshot().getString("epoch");
    try (LiveClient other = LiveClient.connect(vertx, port); LiveClient ahead = LiveClient.connect(vertx, port)) {
      other.resume("another-epoch", 0);
      assertThat(other.awaitType("snapshot").getLong("version")).isEqualTo(now);
      ahead.resume(epoch, now + 50);
      assertThat(ahead.awaitType("snapshot").getLong("version")).isEqualTo(now);
      assertThat(ahead.ofType("change")).isEmpty();
    }
  }

  @Test
  void aVersionOlderThanTheRingGetsASnapshot(Vertx vertx) {
    String epoch = api.snapshot().getString("epoch");
    long from = api.snapshot().getLong("version");
    long last = from;
    for (int i = 0; i < EventState.RING_SIZE + 5; i++) {
      last = delay();
    }
    awaitNodeAt(last);
    try (LiveClient old = LiveClient.connect(vertx, port); LiveClient recent = LiveClient.connect(vertx, port)) {
      old.resume(epoch, from);
      assertThat(old.awaitType("snapshot").getLong("version")).isEqualTo(last);
      assertThat(old.ofType("change")).isEmpty();
      recent.resume(epoch, last - 10);
      recent.awaitVersion(last, Duration.ofSeconds(5));
      assertThat(recent.ofType("change")).hasSize(10);
      assertThat(recent.ofType("snapshot")).isEmpty();
    }
  }

  private void awaitNodeAt(long version) {
    Await.version("the node's memory", () -> node.states().bySlug(TestNode.SLUG).view().version(), version);
  }
}

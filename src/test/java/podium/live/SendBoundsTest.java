package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.TestNode;
import podium.ops.Scrape;

/**
 * What a slow phone may hold on the hub: a snapshot bigger than the bound goes out once and the
 * changes after it follow it (they do not make the phone stale again), and the kernel keeps only
 * the send buffer the node chose for each stalled socket, whatever it was sent.
 */
@Tag("node")
class SendBoundsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private Vertx vertx;
  private TestNode.Running node;
  private Api api;
  private final List<SlowPhone> phones = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    phones.forEach(SlowPhone::close);
    api.close();
    node.stop();
    vertx.close().await();
  }

  private void startNode(String name, Backpressure backpressure) {
    node = TestNode.startSeeded(vertx, name, TestNode.WIRE, backpressure);
    api = new Api(vertx, node.port());
  }

  /** Defect 4: the snapshot was written past the bound, so the next change found the socket full again. */
  @Test
  void aSlowPhoneTakesASnapshotBiggerThanTheBoundOnceThenFollowsItsChanges() {
    Backpressure small = new Backpressure(64 * 1024, 16 * 1024, 60_000, 60_000);
    startNode("big-snapshot", small);
    // Some 270 KB of state: over the bound and the kernel's buffers together.
    api.snapshot().getJsonArray("sessions").stream().map(s -> ((JsonObject) s).getString("id"))
        .forEach(id -> StuckClientsTest.edit(api, id, "long"));
    int snapshotBytes = api.get("/api/events/" + TestNode.SLUG).body().length();
    assertThat(snapshotBytes).isGreaterThan(small.queueBytes() + 4 * small.sendBuffer() + 64 * 1024);

    // 24 KB/s: the snapshot takes some 11 s to read, and 1 KB of changes a second follow it.
    SlowPhone phone = SlowPhone.connect(node.port(), 4096).readAt(24_000);
    phones.add(phone);
    phone.hello();
    long last = 0;
    for (int i = 0; i < 20; i++) {
      last = api.command(new JsonObject().put("type", "announcement.post")
          .put("text", new JsonObject().put("en", "Tea is served " + i + " " + "·".repeat(300)).put("zh", "茶歇 " + i)))
          .bodyAsJsonObject().getLong("version");
      LiveClient.sleep(1_000);
    }
    phone.readAt(SlowPhone.FULL_SPEED);
    phone.awaitVersion(last, WAIT);
    assertThat(phone.problems).isEmpty();
    assertThat(phone.ofType("snapshot")).as("one snapshot, not one after every change").hasSize(1);
    long taken = phone.ofType("snapshot").get(0).getLong("version");
    assertThat(phone.ofType("change")).as("then every change after it").hasSize((int) (last - taken));
    assertThat(phone.ended()).isFalse();
  }

  /** Defect 6: a stalled socket pinned up to ~190 KB of the host's TCP memory (tcp_mem) in its send buffer. */
  @Test
  void eachStalledSocketHoldsNoMoreKernelMemoryThanItsSendBuffer() {
    startNode("send-buffer", new Backpressure(Backpressure.DEFAULTS.queueBytes(), Backpressure.DEFAULTS.sendBuffer(),
        60_000, 60_000));
    List<SlowPhone> stalled = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      SlowPhone p = SlowPhone.connect(node.port(), 4096);
      phones.add(p);
      p.hello().awaitType("snapshot", WAIT);
      stalled.add(p.stop());
    }
    for (int i = 0; i < 40; i++) {
      StuckClientsTest.edit(api, "edit " + i);
    }
    Await.until("podium_stale_sockets at " + stalled.size(), () -> Scrape.of(api).value("podium_stale_sockets"),
        stale -> stale >= stalled.size(), WAIT);
    assertThat(Scrape.of(api).value("podium_stale_sockets")).isEqualTo(stalled.size());
    List<Long> held = new ArrayList<>();
    for (SlowPhone p : stalled) {
      KernelSockets.Connection c = KernelSockets.from(node.port(), p.localPort());
      assertThat(c).as("the stalled phone's connection is still open").isNotNull();
      held.add(c.txQueue());
    }
    System.out.printf("kernel send queues of %d stalled sockets (bytes): %s%n", held.size(), held);
    // The kernel accounts twice the asked size for its own overhead; the data it holds stays under that.
    assertThat(held).allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(2L * Backpressure.DEFAULTS.sendBuffer()));
  }
}

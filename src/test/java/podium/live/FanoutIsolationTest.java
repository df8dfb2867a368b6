package podium.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;
import podium.event.Announcement;
import podium.event.Audience;
import podium.event.Change;
import podium.event.Text;

/**
 * Fanout on its own, with wires whose backlog and failures the test sets: one client's failure
 * never stops delivery to the others or to later deltas, a failed resync never passes for a done
 * one, and a snapshot bigger than the bound does not make the next change find the socket full.
 */
@Tag("unit")
class FanoutIsolationTest {

  private Vertx vertx;
  private Context context;
  private EventState event;
  private Fanout fanout;
  private LiveMetrics metrics;
  private final List<Client> failed = new ArrayList<>();
  private long version;

  /** A socket whose unsent bytes the test sets, and which can be made to throw. */
  static final class TestWire implements Wire {
    final List<String> sent = new ArrayList<>();
    long unsent;
    boolean throwing;
    boolean cut;

    @Override
    public void send(SharedFrame frame) {
      if (throwing) {
        throw new IllegalStateException("this socket's write blew up");
      }
      sent.add(frame.text());
    }

    @Override
    public long unsent() {
      return unsent;
    }

    @Override
    public long taken() {
      return 0;
    }

    @Override
    public void ping() {
    }

    @Override
    public Future<Void> close(short code, String reason) {
      return Future.succeededFuture();
    }

    @Override
    public void cut() {
      cut = true;
    }

    List<Long> versions(String type) {
      return sent.stream().map(JsonObject::new).filter(f -> type.equals(f.getString("type")))
          .map(f -> f.getLong("version")).toList();
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    event = new EventState(1, 0, "epoch-1", DemoEvent.agenda().withoutCues());
    metrics = new LiveMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true);
    // As the hub does with a client that failed: closed and unsubscribed.
    fanout = new Fanout(context, "test", new Deliveries(new EventStates()), metrics, (c, e) -> {
      failed.add(c);
      fanout.remove(c);
      c.close();
    });
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Runs on the fanout's own event loop, as the hub does, and waits for it. */
  private <T> T onLoop(Callable<T> task) {
    return Future.<T>future(p -> context.runOnContext(v -> {
      try {
        p.complete(task.call());
      } catch (Throwable e) {
        p.fail(e);
      }
    })).await();
  }

  private TestWire subscribed(Client[] out, int i) {
    TestWire wire = new TestWire();
    Client client = new Client(null, wire, 0, Backpressure.DEFAULTS);
    fanout.subscribe(client, event, Hello.parse(new JsonObject().put("event", DemoEvent.SLUG)), Audience.PUBLIC);
    out[i] = client;
    return wire;
  }

  private Delta nextDelta() {
    version++;
    return event.apply(version, new Change.AnnouncementPosted(new Announcement("a" + version,
        new Text("Tea " + version, "茶歇 " + version), Instant.parse("2023-08-16T02:00:00Z"), null)), 0);
  }

  @Test
  void aClientWhoseWriteThrowsNeitherStopsTheOthersNorLaterDeltas() {
    Client[] clients = new Client[3];
    TestWire[] wires = onLoop(() -> new TestWire[] {subscribed(clients, 0), subscribed(clients, 1),
        subscribed(clients, 2)});
    wires[1].throwing = true;
    onLoop(() -> {
      fanout.offer(nextDelta());
      return null;
    });
    onLoop(() -> {
      fanout.offer(nextDelta());
      return null;
    });
    assertThat(wires[0].versions("change")).containsExactly(1L, 2L);
    assertThat(wires[2].versions("change")).as("the one after the failing client").containsExactly(1L, 2L);
    assertThat(failed).as("handed to the hub once, to be cut").containsExactly(clients[1]);
  }

  @Test
  void aResyncThatFailsLeavesTheClientStaleRatherThanCaughtUp() {
    Client[] clients = new Client[1];
    TestWire wire = onLoop(() -> subscribed(clients, 0));
    Client client = clients[0];
    wire.unsent = 10L << 20;
    onLoop(() -> {
      fanout.offer(nextDelta());
      return null;
    });
    assertThat(client.state()).isEqualTo(Client.State.STALE);
    wire.unsent = 0;
    wire.throwing = true;
    Sweep sweep = new Sweep(java.util.Set.of(client), fanout, new Closing(vertx, fanout, metrics), metrics.backlog(),
        (c, f) -> { });
    assertThatThrownBy(() -> onLoop(() -> sweep.check(client, System.currentTimeMillis())))
        .hasMessageContaining("this socket's write blew up");
    assertThat(client.state()).as("no snapshot went out: still stale").isEqualTo(Client.State.STALE);
    assertThat(client.last).as("and still at the version it had").isZero();
  }

  @Test
  void changesQueueBehindASnapshotBiggerThanTheBound() {
    int snapshot = event.view().snapshotFor(Audience.PUBLIC).size();
    TestWire wire = new TestWire();
    // The whole snapshot still waits, over a bound made smaller than it.
    Client small = new Client(null, wire, 0, new Backpressure(8 * 1024, 4096, 1_000, 1_000));
    onLoop(() -> {
      fanout.subscribe(small, event, Hello.parse(new JsonObject().put("event", DemoEvent.SLUG)), Audience.PUBLIC);
      return null;
    });
    assertThat(snapshot).isGreaterThan(8 * 1024);
    wire.unsent = snapshot;
    onLoop(() -> {
      fanout.offer(nextDelta());
      return null;
    });
    assertThat(small.state()).as("a change behind the snapshot it is taking").isEqualTo(Client.State.SUBSCRIBED);
    assertThat(small.last).isEqualTo(1);
    assertThat(wire.versions("change")).containsExactly(1L);
  }
}

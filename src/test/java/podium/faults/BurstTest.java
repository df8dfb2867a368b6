package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;
import podium.live.SlowPhone;
import podium.ops.Scrape;

/**
 * The soak's burst, small (bin/bench --burst is the full one, docs/RELIABILITY.md): 300 phones that
 * read and 30 whose download is stuck (they still ping, as live.js does), then 20 agenda edits of
 * 16 KiB at once. Every reader gets every version once and in order, without a resync; every stuck
 * phone is cut once, and resumes when it comes back. It waits for each outcome generously and
 * asserts no time.
 */
@Tag("faults")
class BurstTest {

  private static final int READERS = 300;
  private static final int STUCK = 30;
  private static final int EDITS = 20;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void readersGetEveryVersionAndStuckPhonesAreCutThenResume() {
    Vertx clients = Vertx.vertx();
    TestNode.Running node = TestNode.startSeeded(clients, "burst");
    List<SlowPhone> stuck = new ArrayList<>();
    try (Api api = new Api(clients, node.port());
        Phones readers = new Phones(clients, node.port(), List.of("127.0.0.2"), READERS, 250)) {
      readers.connectAll(100, WAIT);
      for (int i = 0; i < STUCK; i++) {
        SlowPhone p = SlowPhone.connect(node.port(), 4096);
        stuck.add(p);
        p.hello().awaitType("snapshot", WAIT);
        p.stop();
      }
      String epoch = stuck.get(0).ofType("snapshot").get(0).getString("epoch");
      long pinger = clients.setPeriodic(1_000, t -> stuck.forEach(p -> p.trySend(
          new JsonObject().put("type", "ping").put("t", System.currentTimeMillis()))));
      long last = 0;
      for (int i = 0; i < EDITS; i++) {
        JsonObject text = new JsonObject().put("en", ("Burst " + i + " " + "Rare earth expo, hall A. ".repeat(90))
            .substring(0, 2000)).put("zh", "稀土新材料与应用产品博览会甲厅。".repeat(130).substring(0, 2000));
        last = api.command(new JsonObject().put("type", "session.update").put("session", "rare-earth-expo")
            .put("title", text).put("description", text)).bodyAsJsonObject().getLong("version");
      }
      long target = last;
      readers.await(p -> p.last >= target, WAIT, "version " + target);
      assertThat(readers.gaps.sum() + readers.duplicates.sum()).as("every version once and in order").isZero();
      assertThat(readers.snapshots.sum()).as("the readers kept up: no resync").isZero();

      assertThat(stuck).allSatisfy(p -> assertThat(p.awaitEnded(WAIT)).as("cut").isTrue());
      clients.cancelTimer(pinger);
      Scrape metrics = Scrape.of(api);
      assertThat(metrics.sum("podium_sockets_cut_total", "reason=\"stale\"")
          + metrics.sum("podium_sockets_cut_total", "reason=\"stuck\"")).as("each stuck phone was cut, once")
          .isEqualTo(STUCK);
      for (SlowPhone p : stuck) {
        try (LiveClient back = LiveClient.connect(clients, node.port())) {
          back.resume(epoch, p.version());
          back.awaitVersion(target, WAIT);
          assertThat(back.problems).isEmpty();
        }
      }
      assertThat(Scrape.of(api).value("podium_stale_sockets")).isZero();
      System.out.printf("burst: %d readers and %d stuck phones, %d edits of 16 KiB: cut %s (stale %s, stuck %s),"
              + " pongs and errors dropped %s%n", READERS, STUCK, EDITS, metrics.sum("podium_sockets_cut_total"),
          metrics.sum("podium_sockets_cut_total", "reason=\"stale\""),
          metrics.sum("podium_sockets_cut_total", "reason=\"stuck\""), metrics.value("podium_frames_dropped_total"));
    } finally {
      stuck.forEach(SlowPhone::close);
      node.stop();
      clients.close().await();
    }
  }
}

package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;
import podium.ops.Scrape;

/**
 * 500 phones that read, alone and then beside 50 that stop reading (a full receive window each,
 * like phones on a dead Wi-Fi corner, for less than their grace): the readers get every version
 * once and in order, the stalled ones go stale instead of queueing without end, the heap stays
 * bounded, and once they read again each gets one snapshot and is current. The readers' latency
 * beside them, as a ratio to alone, is printed here and measured by the bench (bin/bench --burst,
 * docs/RELIABILITY.md): a test must not fail because the machine was busy.
 */
@Tag("faults")
class SlowConsumersTest {

  private static final int NORMAL = 500;
  private static final int SLOW = 50;
  private static final int COMMANDS = 100;
  private static final String EN = "A long description that makes every change frame large. ".repeat(34);
  private static final String ZH = "稀土新材料与应用产品博览会。".repeat(140);

  @Test
  void readersGetEveryVersionBesideFiftyStalledOnesAndTheHeapStaysBounded() {
    TestNode.Running node = TestNode.startSeeded(Vertx.vertx(), "slow-consumers", TestNode.WIRE, TestNode.LONG_GRACE);
    Vertx clients = Vertx.vertx();
    List<LiveClient> slow = new ArrayList<>();
    try (Api api = new Api(clients, node.port());
        Phones readers = new Phones(clients, node.port(), List.of("127.0.0.2"), NORMAL, 250)) {
      Map<Long, List<Long>> arrivals = new ConcurrentHashMap<>();
      readers.onArrival((v, at) -> arrivals.computeIfAbsent(v, k -> new CopyOnWriteArrayList<>()).add(at));
      readers.connectAll(100, Duration.ofSeconds(30));
      run(api, readers, arrivals, 0); // warm-up: the JIT compiles the path before anything is measured
      Latency alone = run(api, readers, arrivals, 1);
      long heapBefore = heapAfterGc();

      for (int i = 0; i < SLOW; i++) {
        LiveClient c = LiveClient.connect(clients, node.port(), new WebSocketClientOptions().setReceiveBufferSize(4096));
        c.hello();
        c.awaitType("snapshot");
        c.socket().pause();
        slow.add(c);
      }
      Latency beside = run(api, readers, arrivals, 2);
      Scrape during = Scrape.of(api);
      long heapWith = heapAfterGc();

      assertThat(readers.gaps.sum() + readers.duplicates.sum() + readers.snapshots.sum()).isZero();
      assertThat(during.value("podium_stale_sockets")).as("the stalled ones get no deltas").isEqualTo(SLOW);
      double p50 = beside.p50 / alone.p50;
      double p99 = beside.p99 / alone.p99;
      long growth = heapWith - heapBefore;
      System.out.printf("slow consumers: %d readers, %d commands of %d-byte frames: alone p50 %.1f / p99 %.1f ms;"
              + " beside %d stalled: p50 %.1f / p99 %.1f ms (ratios %.2f / %.2f); heap after GC %+.1f MiB with them;"
              + " stale %s%n", NORMAL, COMMANDS, alone.frameBytes, alone.p50, alone.p99, SLOW, beside.p50, beside.p99,
          p50, p99, growth / 1048576.0, (long) during.value("podium_stale_sockets"));
      assertThat(growth).as("heap they pin (bounded by the write queue limit)").isLessThan(48L << 20);

      long last = api.snapshot().getLong("version");
      slow.forEach(c -> c.socket().resume());
      for (LiveClient c : slow) {
        c.awaitVersion(last, Duration.ofSeconds(30));
        assertThat(c.problems).isEmpty();
        assertThat(c.ofType("change").size()).as("deltas queued for it before it went stale").isLessThan(COMMANDS);
      }
      Scrape after = Scrape.of(api);
      assertThat(after.value("podium_stale_sockets")).isZero();
      assertThat(after.value("podium_resync_snapshots_total", "reason=\"stale\"")).isGreaterThanOrEqualTo(SLOW);
    } finally {
      slow.forEach(LiveClient::close);
      node.stop();
      clients.close().await();
    }
  }

  /** Delivery latencies of one run of commands, POST sent to frame read, over every reader, in ms. */
  private record Latency(double p50, double p99, int frameBytes) { }

  private static Latency run(Api api, Phones readers, Map<Long, List<Long>> arrivals, int round) {
    List<long[]> sent = new ArrayList<>();
    for (int i = 0; i < COMMANDS; i++) {
      long at = System.nanoTime();
      long version = api.command(new JsonObject().put("type", "session.update").put("session", "rare-earth-expo")
          .put("description", new JsonObject().put("en", EN + round + "-" + i).put("zh", ZH + i)))
          .bodyAsJsonObject().getLong("version");
      sent.add(new long[] {version, at});
      podium.LiveClient.sleep(50);
    }
    long last = sent.get(sent.size() - 1)[0];
    readers.await(p -> p.last >= last, Duration.ofSeconds(30), "version " + last);
    List<Double> ms = new ArrayList<>();
    for (long[] s : sent) {
      for (long at : arrivals.getOrDefault(s[0], List.of())) {
        ms.add((at - s[1]) / 1e6);
      }
    }
    assertThat(ms).as("every reader got every version").hasSize(COMMANDS * NORMAL);
    Collections.sort(ms);
    return new Latency(ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.99)), EN.length() + ZH.length() * 3);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      podium.LiveClient.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

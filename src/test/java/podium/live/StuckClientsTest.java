package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Phones whose download is stuck or slow, on the wire path the run chooses (fast, then plain):
 * whatever they do, what waits for one socket stays bounded, and a socket that cannot keep up is
 * cut at once (not behind its backlog) and resumes like after any drop. Nothing here measures a
 * time: each test waits, generously, for an outcome.
 */
@Tag("node")
class StuckClientsTest {

  /** Texts at their longest (2,000 characters): a title and description of each make a 16 KiB change. */
  static final String EN = "A long description that makes every change frame large. ".repeat(40);
  static final String ZH = "稀土新材料与应用产品博览会。".repeat(150).substring(0, 2000);
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
    if (api != null) {
      api.close();
    }
    if (node != null) {
      node.stop();
    }
    vertx.close().await();
  }

  private void startNode(String name, Backpressure backpressure) {
    node = TestNode.startSeeded(vertx, name, TestNode.WIRE, backpressure);
    api = new Api(vertx, node.port());
  }

  private SlowPhone phone() {
    SlowPhone p = SlowPhone.connect(node.port(), 4096);
    phones.add(p);
    p.hello().awaitType("snapshot", WAIT);
    return p;
  }

  static long edit(Api api, String tag) {
    return edit(api, "rare-earth-expo", tag);
  }

  /** A 16 KiB edit of one session: its title and description at their longest, in both languages. */
  static long edit(Api api, String session, String tag) {
    JsonObject text = new JsonObject().put("en", (tag + " " + EN).substring(0, 2000)).put("zh", ZH);
    JsonObject answer = api.command(new JsonObject().put("type", "session.update").put("session", session)
        .put("title", text).put("description", text)).bodyAsJsonObject();
    assertThat(answer.getLong("version")).as("the edit was taken: " + answer).isNotNull();
    return answer.getLong("version");
  }

  private long edits(int n) {
    long last = 0;
    for (int i = 0; i < n; i++) {
      last = edit(api, "edit " + i);
    }
    return last;
  }

  private void awaitMetric(String name, String label, double atLeast) {
    Await.until(name + (label == null ? "" : "{" + label + "}") + " at " + atLeast + " or more",
        () -> label == null ? Scrape.of(api).sum(name) : Scrape.of(api).sum(name, label), value -> value >= atLeast,
        WAIT);
  }

  /** Defect 1: the only close was the read-idle timeout, which a phone that still pings never meets. */
  @Test
  void aPhoneWhoseDownloadIsStuckButStillPingsIsCutThenResumes() {
    startNode("stuck-pinging", Backpressure.DEFAULTS);
    SlowPhone stuck = phone();
    String epoch = stuck.ofType("welcome").get(0).getString("epoch");
    long had = stuck.version();
    stuck.stop();
    long pinger = vertx.setPeriodic(1000, t -> stuck.trySend(new JsonObject().put("type", "ping").put("t", 1)));
    long last = edits(40);
    assertThat(stuck.awaitEnded(WAIT)).as("the hub cut the stuck phone").isTrue();
    vertx.cancelTimer(pinger);
    assertThat(KernelSockets.from(node.port(), stuck.localPort())).as("its connection is gone on the hub").isNull();
    Scrape cuts = Scrape.of(api);
    assertThat(cuts.sum("podium_sockets_cut_total", "reason=\"stale\"")
        + cuts.sum("podium_sockets_cut_total", "reason=\"stuck\"")).isEqualTo(1);

    try (LiveClient back = LiveClient.connect(vertx, node.port())) {
      back.resume(epoch, had);
      back.awaitVersion(last, WAIT);
      assertThat(back.problems).isEmpty();
      assertThat(back.ofType("snapshot")).as("its missing changes were more than the bound: one snapshot").hasSize(1);
    }
  }

  /** Defect 1, below the bound: a stuck download is found by its queue not moving, however little waits. */
  @Test
  void aStuckDownloadIsCutEvenWithLessThanTheBoundWaiting() {
    startNode("stuck-small", Backpressure.DEFAULTS);
    SlowPhone stuck = phone();
    stuck.stop();
    long pinger = vertx.setPeriodic(1000, t -> stuck.trySend(new JsonObject().put("type", "ping").put("t", 1)));
    edits(8);
    assertThat(stuck.awaitEnded(WAIT)).as("the hub cut the stuck phone").isTrue();
    vertx.cancelTimer(pinger);
    Scrape cuts = Scrape.of(api);
    assertThat(cuts.sum("podium_sockets_cut_total", "reason=\"stuck\"")).isEqualTo(1);
    assertThat(cuts.value("podium_stale_episodes_total")).as("it never passed the bound").isZero();
  }

  /**
   * A phone that stopped reading with all it was sent in the kernel's buffers has nothing waiting
   * on the hub: it is found by the hub's WebSocket ping, which it never reads to answer.
   */
  @Test
  void aPhoneThatReadsNothingIsCutOnceItLeavesThePingUnanswered() {
    startNode("stuck-silent", Backpressure.DEFAULTS);
    SlowPhone stuck = phone();
    stuck.stop();
    api.command(new JsonObject().put("type", "announcement.post").put("text", new JsonObject().put("en", "Tea")));
    // Its ping group's turn comes within 20 s; then 20 s and its grace without an answer. It
    // sends nothing, so it cannot notice the reset: look at the hub's side.
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (KernelSockets.from(node.port(), stuck.localPort()) != null && System.nanoTime() < until) {
      LiveClient.sleep(200);
    }
    assertThat(KernelSockets.from(node.port(), stuck.localPort())).as("the hub cut the silent phone").isNull();
    assertThat(Scrape.of(api).sum("podium_sockets_cut_total", "reason=\"stuck\"")).isEqualTo(1);
  }

  /** Defect 2: pongs and errors queued behind a full socket without limit. */
  @Test
  void pongsAndErrorsToAPhoneThatDoesNotReadWaitNoMoreThanTheBound() {
    startNode("stuck-pongs", new Backpressure(Backpressure.DEFAULTS.queueBytes(), Backpressure.DEFAULTS.sendBuffer(),
        60_000, 60_000));
    SlowPhone stuck = phone();
    stuck.stop();
    String t = "x".repeat(4_000);
    for (int i = 0; i < 1_000; i++) {
      stuck.send(new JsonObject().put("type", "ping").put("t", t));
    }
    for (int i = 0; i < 300; i++) {
      stuck.send(new JsonObject().put("type", "no-such-frame").put("junk", t));
    }
    awaitMetric("podium_frames_dropped_total", null, 1_000);
    double pendingMax = Scrape.of(api).value("podium_sockets_pending_bytes_max");
    assertThat(pendingMax).as("bytes waiting for the one socket").isLessThanOrEqualTo(
        Backpressure.DEFAULTS.queueBytes() + 8_192);
    stuck.readAt(SlowPhone.FULL_SPEED);
    LiveClient.sleep(2_000);
    // 4 MB of pongs were asked for; what the kernel and the bound held is a few dozen.
    assertThat(stuck.ofType("pong").size() + stuck.ofType("error").size()).isLessThan(120);
  }

  /** Defect 2: the WebSocket layer answers every ping frame itself, behind the backlog. */
  @Test
  void webSocketPingsToASocketThatIsBackedUpCutIt() {
    startNode("stuck-ws-pings", new Backpressure(Backpressure.DEFAULTS.queueBytes(), Backpressure.DEFAULTS.sendBuffer(),
        60_000, 60_000));
    SlowPhone stuck = phone();
    stuck.stop();
    edits(40);
    awaitMetric("podium_stale_sockets", null, 1);
    for (int i = 0; i < 2_000 && !stuck.ended(); i++) {
      try {
        stuck.wsPing(125);
      } catch (java.io.UncheckedIOException cut) {
        break;
      }
    }
    assertThat(stuck.awaitEnded(WAIT)).as("cut, long before its 60 s grace").isTrue();
    assertThat(Scrape.of(api).sum("podium_sockets_cut_total", "reason=\"backlog\"")).isEqualTo(1);
  }

  /** Defect 3: the close frame waited behind the backlog, and the fast path kept writing after it. */
  @Test
  void aWithdrawnTokenEndsItsSocketAtOnceAndNothingCommittedAfterReachesIt() {
    startNode("stuck-revoked", Backpressure.DEFAULTS);
    String token = api.call(HttpMethod.POST, "/api/tokens", "{\"name\":\"jury-laptop\",\"role\":\"awards\"}",
        "Content-Type", "application/json", "Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
        .bodyAsJsonObject().getString("token");
    SlowPhone jury = SlowPhone.connect(node.port(), 4096);
    phones.add(jury);
    jury.hello(new JsonObject().put("channels", new JsonArray().add("staff")).put("token", token))
        .awaitType("snapshot", WAIT);
    jury.stop();
    edits(30);
    assertThat(api.call(HttpMethod.DELETE, "/api/tokens/jury-laptop", null,
        "Authorization", "Bearer " + TestNode.ADMIN_TOKEN).statusCode()).isEqualTo(204);
    long embargoed = api.commandRaw("{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\","
        + "\"results\":[{\"rank\":1,\"nominee\":\"demo-enterprise-b\"}]}").bodyAsJsonObject().getLong("version");
    long until = System.nanoTime() + WAIT.toNanos();
    while (KernelSockets.from(node.port(), jury.localPort()) != null && System.nanoTime() < until) {
      LiveClient.sleep(20);
    }
    assertThat(KernelSockets.from(node.port(), jury.localPort()))
        .as("its connection is gone on the hub while it still reads nothing").isNull();
    jury.readAt(SlowPhone.FULL_SPEED);
    jury.awaitEnded(WAIT);
    assertThat(jury.frames).as("nothing committed after the withdrawal")
        .noneMatch(f -> f.getLong("version", 0L) >= embargoed);
  }

  /** Defect 3: a drain waited on closes that queue behind stuck sockets. */
  @Test
  void aNodeDrainsWithinItsBudgetBesideStuckPhones() {
    startNode("stuck-drain", Backpressure.DEFAULTS);
    int port = node.port();
    List<SlowPhone> stuck = List.of(phone(), phone(), phone());
    SlowPhone reading = phone();
    stuck.forEach(SlowPhone::stop);
    edits(30);
    Future<Void> stopping = node.node().stop();
    node = null;
    try {
      // The drain's own budget is a few seconds; this only waits for it, generously.
      stopping.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the node did not finish stopping", e);
    }
    assertThat(reading.awaitType("reconnect", WAIT).getLong("afterMs")).isPositive();
    assertThat(KernelSockets.of(port)).as("no connection of the stopped node is left open")
        .noneMatch(KernelSockets.Connection::established);
  }
}

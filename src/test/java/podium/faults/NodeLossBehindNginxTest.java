package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.Api;
import podium.LiveClient;
import podium.TestNode;
import podium.browser.Browser;
import podium.browser.FrameLog;

/**
 * Two hub processes behind a real nginx running the shipped conf/nginx. Every client is on node A
 * (B starts after they connect), then A is killed with -9. Phones and screens in Chromium, lean
 * phones and LiveClients all come back through the same URL to B: no gap, no snapshot needed, and
 * the pages never go blank. A command sent to nginx while A dies is applied once.
 */
@Tag("browser")
@Tag("faults")
class NodeLossBehindNginxTest {

  private static final int PHONES = 200;

  @Test
  void clientsOfAKilledNodeResumeOnTheOtherThroughTheSameUrl(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    int front = TestNode.freePort();
    Map<String, String> proxied = Map.of("PODIUM_BEHIND_PROXY", "true");
    HubProcess a = HubProcess.start(db, portA, "node-a", dir, proxied).awaitReady(Duration.ofSeconds(60));
    HubProcess b = null;
    Browser phone = null;
    Browser screen = null;
    Throwable failed = null;
    try (Nginx nginx = Nginx.start(front, List.of(portA, portB), dir.resolve("nginx"));
        Api api = new Api(vertx, front);
        Phones phones = new Phones(vertx, front, List.of("127.0.0.1"), PHONES, 250)) {
      phone = Browser.start(390, 844).open("http://localhost:" + front + "/");
      screen = Browser.start(1920, 1080).open("http://localhost:" + front + "/screen.html?room=main-hall&layout=room");
      phones.connectAll(50, Duration.ofSeconds(30));
      LiveClient lc = LiveClient.connect(vertx, front);
      lc.hello();
      assertThat(lc.awaitType("welcome").getString("node")).isEqualTo("node-a");
      lc.awaitType("snapshot");
      for (Browser page : List.of(phone, screen)) {
        page.until(Duration.ofSeconds(20), "online on node-a", d -> "node-a".equals(page.js(
            "return window.podiumLive && window.podiumLive.status.online && window.podiumLive.status.node")));
      }
      assertThat(phones.count(p -> "node-a".equals(p.node))).as("every phone on A").isEqualTo(PHONES);

      b = HubProcess.start(db, portB, "node-b", dir, proxied).awaitReady(Duration.ofSeconds(60));
      long before = command(api, Direct.delay("keynote-gan-yong", 5), "before-loss");
      awaitPages(phone, screen, before);
      long from = before;
      for (Browser page : List.of(phone, screen)) {
        page.js("window.podiumLive.log.length = 0");
      }
      String screenBefore = screen.text("#screen");
      int sessions = sessionsOn(phone);
      assertThat(screenBefore).isNotBlank();
      assertThat(sessions).isGreaterThan(10);

      long killed = System.nanoTime();
      a.kill();
      // Staff go on at once, from their own thread, while the pages move.
      java.util.concurrent.CompletableFuture<long[]> staff = java.util.concurrent.CompletableFuture.supplyAsync(() ->
          new long[] {command(api, Direct.delay("keynote-gan-yong", -5), "during-loss"),
              command(api, new JsonObject().put("type", "announcement.post").put("text", "Node A is gone"),
                  "after-loss")});
      // Never blank while they move: sampled every 100 ms until both pages are at the last version.
      int samples = 0;
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(staff.isDone() && at(phone, staff.getNow(null)[1]) && at(screen, staff.getNow(null)[1]))
          && System.nanoTime() < until) {
        assertThat(screen.text("#screen")).as("the screen keeps its picture").isNotBlank();
        assertThat(sessionsOn(phone)).as("the phone keeps its agenda").isEqualTo(sessions);
        samples++;
        podium.LiveClient.sleep(100);
      }
      long during = staff.get()[0];
      long last = staff.get()[1];
      double movedS = (System.nanoTime() - killed) / 1e9;
      for (Browser page : List.of(phone, screen)) {
        FrameLog.Check check = FrameLog.check(FrameLog.of(page), from);
        assertThat(check.problems()).as(page + " frame log").isEmpty();
        assertThat(check.last()).isEqualTo(last);
        assertThat(check.snapshots()).as(page + " resumed from B's ring").isZero();
        assertThat(page.js("return window.podiumLive.status.node")).isEqualTo("node-b");
      }
      Browser wall = screen;
      wall.until(Duration.ofSeconds(6), "the announcement on the screen", d -> wall.text("#ticker")
          .contains("Node A is gone"));

      phones.await(p -> p.last == last && "node-b".equals(p.node), Duration.ofSeconds(30), "moved to node-b");
      assertThat(phones.gaps.sum() + phones.duplicates.sum() + phones.snapshots.sum()).isZero();
      // A LiveClient does what live.js does: its socket closed, it says hello again with resume.
      lc.awaitVersion(before, Duration.ofSeconds(5));
      awaitClosed(lc);
      try (LiveClient again = LiveClient.connect(vertx, front)) {
        again.resume(lc.epoch(), lc.version());
        assertThat(again.awaitType("welcome").getString("node")).isEqualTo("node-b");
        again.awaitVersion(last, Duration.ofSeconds(10));
        assertThat(again.ofType("snapshot")).isEmpty();
        assertThat(again.problems).isEmpty();
      }
      lc.close();
      assertThat(during).as("the command sent as A died applied once, in order").isEqualTo(before + 1);
      assertThat(api.snapshot().getLong("version")).isEqualTo(last);
      String requestId = commandLog(b, "after-loss");
      System.out.printf("node loss behind nginx: %d phones, 2 Chromium pages and a LiveClient on node-a; killed;"
              + " all on node-b at version %d %.1f s after the kill, no gap, no snapshot; pages never blank over %d"
              + " samples; command log line on node-b carries nginx's request id %s%n", PHONES, last, movedS, samples,
          requestId);
      // Before nginx goes: pages that lose it log connection failures.
      Browser.closeAll(phone, screen);
    } catch (Throwable t) {
      failed = t;
      throw t;
    } finally {
      try {
        Browser.closeAll(phone, screen);
      } catch (AssertionError e) {
        if (failed == null) {
          throw e;
        }
        failed.addSuppressed(e);
      }
      a.close();
      if (b != null) {
        b.close();
      }
      vertx.close().await();
    }
  }

  /** As staff do through nginx: the same key until an answer; nginx never sends a POST twice itself. */
  private static long command(Api api, JsonObject body, String key) {
    long until = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < until) {
      try {
        HttpResponse<Buffer> r = api.command(body, "Idempotency-Key", key);
        if (r.statusCode() == 200) {
          return r.bodyAsJsonObject().getLong("version");
        }
        assertThat(r.statusCode()).as(r.bodyAsString()).isIn(502, 503, 504);
      } catch (RuntimeException noAnswer) {
        // the connection died with the node: send it again
      }
      podium.LiveClient.sleep(100);
    }
    throw new AssertionError("command " + key + " never answered");
  }

  private static void awaitPages(Browser phone, Browser screen, long version) {
    for (Browser page : List.of(phone, screen)) {
      page.until(Duration.ofSeconds(10), "version " + version, d -> at(page, version));
    }
  }

  private static boolean at(Browser page, long version) {
    return Long.valueOf(version).equals(page.js("return window.podiumLive.version"));
  }

  private static int sessionsOn(Browser phone) {
    return ((Number) phone.js("return document.querySelectorAll('#agenda .session').length")).intValue();
  }

  private static void awaitClosed(LiveClient c) {
    long until = System.currentTimeMillis() + 10_000;
    while (!c.isClosed() && System.currentTimeMillis() < until) {
      podium.LiveClient.sleep(20);
    }
    assertThat(c.isClosed()).as("nginx closed the socket of the dead node").isTrue();
  }

  /** The JSON log line of the command with that key's answer: it names nginx's request id and the actor. */
  private static String commandLog(HubProcess node, String key) throws Exception {
    List<JsonObject> lines = Files.readAllLines(node.log).stream().filter(l -> l.startsWith("{"))
        .map(JsonObject::new).filter(j -> j.getString("formattedMessage", "").startsWith("command announcement.post"))
        .toList();
    assertThat(lines).as("the command's log line on " + node.name).hasSize(1);
    JsonObject mdc = lines.get(0).getJsonObject("mdc");
    assertThat(mdc.getString("requestId")).matches("[0-9a-f]{32}");
    assertThat(mdc.getString("actor")).isNotBlank();
    return mdc.getString("requestId");
  }
}

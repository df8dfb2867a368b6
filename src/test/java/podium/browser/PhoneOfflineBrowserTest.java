package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.PhonePage.SOON;
import static podium.browser.PhonePage.awaitSessions;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * The attendee page on bad networks: what a first visit costs on the wire (every byte, counted by
 * a relay between Chromium and the hub), a reload with no hub at all (the service worker's copy
 * and the last state), and coming back after an offline spell (a resume, not a reload).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class PhoneOfflineBrowserTest {

  private static final long BUDGET = 100 * 1024;
  private static final Duration BACK_ONLINE = Duration.ofSeconds(45);

  private Vertx vertx;
  private PgConnectOptions db;
  private int hubPort;
  private int port;
  private Node node;
  private Api api;
  private CountingProxy proxy;
  private Browser phone;
  private int sessions;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    db = TestNode.seededDatabase(vertx);
    hubPort = TestNode.freePort();
    node = TestNode.start(vertx, db, hubPort, "offline-a");
    api = new Api(vertx, hubPort);
    sessions = api.snapshot().getJsonArray("sessions").size();
    port = TestNode.freePort();
    proxy = new CountingProxy(vertx, port, hubPort).start();
    phone = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(phone);
    } finally {
      proxy.close();
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  @Order(1)
  @SuppressWarnings("unchecked")
  void theFirstVisitTransfersAtMostOneHundredKilobytes() {
    phone.open(PhonePage.url(port, "", null));
    awaitSessions(phone, sessions);
    phone.until(Duration.ofSeconds(15), "the service worker in control", d -> Boolean.TRUE.equals(
        phone.js("return !!navigator.serviceWorker.controller")));
    long down = settled();
    long upBytes = proxy.up();

    // The browser's own view of the same load: each file's size on the wire and unpacked.
    List<Map<String, Object>> files = (List<Map<String, Object>>) phone.js("return [...performance.getEntriesByType('navigation'),"
        + " ...performance.getEntriesByType('resource')].map(e => ({ name: e.name.replace(location.origin, ''),"
        + " transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))");
    long pageBytes = 0;
    for (Map<String, Object> f : files) {
      System.out.printf("[first load] %-34s %6d on the wire, %6d body, %6d unpacked%n", f.get("name"),
          num(f, "transfer"), num(f, "encoded"), num(f, "decoded"));
      pageBytes += num(f, "transfer");
      String name = String.valueOf(f.get("name"));
      if (name.endsWith(".js") || name.endsWith(".css") || name.startsWith("/index.html")) {
        assertThat(num(f, "encoded")).as("%s came compressed", name).isLessThan(num(f, "decoded"));
      }
    }
    System.out.printf("[first load] page files %d B (browser's count); everything from the hub %d B, to it %d B"
        + " (the relay's count: heads, gzip bodies, the WebSocket snapshot, the service worker's copy)%n",
        pageBytes, down, upBytes);
    assertThat(down).as("bytes from the hub on a first visit").isLessThanOrEqualTo(BUDGET);
  }

  @Test
  @Order(2)
  void aReloadWithTheHubGoneShowsTheLastAgendaAndWhenItWasUpdated() {
    // live.js saves the state 250 ms after it changes: awaited, not assumed, before the hub goes.
    phone.until(Duration.ofSeconds(15), "the page's state saved for offline", d -> Boolean.TRUE.equals(phone.js(
        "const key = Object.keys(localStorage).find(k => k.startsWith('podium.live.'));"
        + " const saved = key ? JSON.parse(localStorage.getItem(key)) : null;"
        + " return !!saved && saved.epoch === window.podiumLive.epoch && saved.version === window.podiumLive.version")));
    try (Browser.NetworkErrors away = phone.expectNetworkErrors("the hub and its relay are stopped")) {
      proxy.close();
      node.stop().await();
      node = null;
      phone.driver.navigate().refresh();
      awaitSessions(phone, sessions);
      phone.until(SOON, "the last update", d -> phone.text("#connection")
          .matches("(Offline|Connecting…) · last updated \\d\\d:\\d\\d"));
      assertThat(phone.text("#event-title")).isEqualTo("15th China Baotou Rare Earth Industry Forum");
      assertThat(phone.js("return !!navigator.serviceWorker.controller")).as("served by the service worker").isEqualTo(true);
      phone.until(SOON, "offline", d -> phone.classes("#connection").contains("offline"));
      phone.screenshot("phone-offline-en-light");
    }
  }

  @Test
  @Order(3)
  void comingBackOnlineResumesAndSaysWhatChangedMeanwhile() {
    long last;
    try (Browser.NetworkErrors away = phone.expectNetworkErrors("the hub is back, the relay not yet")) {
      node = TestNode.start(vertx, db, hubPort, "offline-b");
      PhonePage.command(api, new JsonObject().put("type", "session.delay").put("session", "opening-ceremony").put("minutes", 15)
          .put("cascade", true));
      last = PhonePage.command(api, new JsonObject().put("type", "session.move").put("session", "keynote-wang-haizhou")
          .put("room", "forum-a"));
      phone.js("window.__sameDocument = true");
      proxy = new CountingProxy(vertx, port, hubPort).start();
      long version = last;
      phone.until(BACK_ONLINE, "the page at version " + last, d -> Long.valueOf(version).equals(
          phone.js("return window.podiumLive.version")));
    }
    phone.until(SOON, "the summary", d -> phone.text("#since-home .since-heading").startsWith("Since you were last here ("));
    assertThat(phone.text("#since-home .since-list")).contains("Opening Ceremony delayed 15 min, now 08:45")
        .contains("Keynote Speech by Academician Wang Haizhou moved to Sub-forum A (was Main Hall)");
    assertThat(phone.js("return window.__sameDocument")).as("no full reload").isEqualTo(true);
    assertThat(phone.text("#connection")).isEqualTo("Live");
    assertThat(phone.text("#unseen")).isEqualTo("2");
    assertThat(FrameLog.of(phone).stream().map(f -> f.get("type")).toList()).as("a resume, not a snapshot")
        .contains("welcome").doesNotContain("snapshot");
    phone.screenshot("phone-back-online-en-light");
  }

  /** The relay's download count once nothing has moved for a second and a half (within 15 s). */
  private long settled() {
    long before = -1;
    long now = proxy.down();
    for (int i = 0; i < 10 && now != before; i++) {
      before = now;
      phone.js("return new Promise(r => setTimeout(r, 1500))");
      now = proxy.down();
    }
    return now;
  }

  private static long num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }
}

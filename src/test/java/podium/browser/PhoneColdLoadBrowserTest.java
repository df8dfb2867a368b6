package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;

/**
 * The attendee page opened cold on a slow phone (390x844, a fresh profile: no cache, no service
 * worker), as the venue's QR code opens it. Under Chromium's Slow 3G it is live after three round
 * trips one after another, as designed (docs/BENCHMARKS.md, "Phone on venue Wi-Fi"): the page with
 * the event's state in it; agenda.js with live.js's modules (preloaded), which opens the socket;
 * the first paint's modules while the socket's upgrade goes on. It resumes from the page's state (no
 * snapshot frame), and draws the agenda from it before its socket is up. Behaviour only: no time
 * is asserted (bin/bench --phone measures them).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class PhoneColdLoadBrowserTest {

  /** What a slow page load may take here at worst (the machine is shared): not a figure. */
  private static final Duration LOAD = Duration.ofSeconds(90);

  private TestNode.Running node;
  private int sessions;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "cold");
    try (podium.Api api = new podium.Api(vertx, node.port())) {
      sessions = api.snapshot().getJsonArray("sessions").size();
    }
  }

  @AfterAll
  void stop() {
    node.stop();
  }

  @Test
  void onSlow3gItIsLiveAfterThreeRoundTripsAndResumesFromTheStateInThePage() {
    JsonObject load = ColdLoad.measure("http://localhost:" + node.port() + "/?event=" + TestNode.SLUG,
        ColdLoad.Profile.SLOW_3G, LOAD);
    System.out.println("[cold load, slow 3G] " + load.getDouble("live_ms") + " ms to live, "
        + load.getInteger("round_trips_before_live") + " round trips");
    assertThat(load.getJsonArray("page_errors")).as("page errors").isEmpty();
    assertThat(load.getInteger("round_trips_before_live")).as("round trips one after another before live, in "
        + load.getJsonArray("requests").encode() + " " + load.getJsonArray("sockets").encode()).isEqualTo(3);
    List<String> before = new ArrayList<>();
    for (Object o : load.getJsonArray("requests")) {
      JsonObject r = (JsonObject) o;
      if (r.getDouble("end") <= load.getDouble("live_ms") && !r.getString("name").endsWith(".webmanifest")) {
        before.add(r.getString("name"));
      }
    }
    assertThat(before).as("what the page needs before it is live: the page, its style, the socket's modules and"
        + " the first paint's").containsExactlyInAnyOrder("/?event=" + TestNode.SLUG, "/css/agenda.css",
        "/js/agenda.js", "/js/live.js", "/js/apply-change.js", "/js/backoff.js", "/js/running-late.js",
        "/js/text.js", "/js/agenda-labels.js", "/js/agenda-store.js", "/js/agenda-home.js", "/js/agenda-list.js",
        "/js/agenda-session.js");
    JsonArray sockets = load.getJsonArray("sockets");
    assertThat(sockets).as("one socket").hasSize(1);
    List<Object> frames = sockets.getJsonObject(0).getJsonArray("frames").stream()
        .map(f -> ((JsonObject) f).getValue("type")).toList();
    assertThat(frames).as("a resume from the page's state: a welcome, no snapshot").contains("welcome")
        .doesNotContain("snapshot");
    assertThat(load.getDouble("agenda_ms")).as("the agenda first shown").isLessThanOrEqualTo(load.getDouble("live_ms"));
  }

  @Test
  void theAgendaShowsFromThePageBeforeItsSocketIsUpInBothLanguages(Vertx vertx) {
    for (String lang : List.of("en", "zh")) {
      try (LiveGate gate = new LiveGate(vertx, node.port()).start(); Browser phone = Browser.start(390, 844)) {
        phone.open("http://localhost:" + gate.port + "/?event=" + TestNode.SLUG + "&lang=" + lang);
        PhonePage.awaitSessions(phone, sessions);
        String connecting = lang.equals("en") ? "Connecting…" : "正在连接…";
        phone.until(PhonePage.SOON, "the agenda drawn, the socket held", d -> phone.text("#connection").equals(connecting));
        assertThat(phone.text("#event-title")).isEqualTo(lang.equals("en")
            ? "15th China Baotou Rare Earth Industry Forum" : "第十五届中国包头·稀土产业论坛");
        assertThat(phone.text("#now-next")).isNotBlank();
        assertThat(phone.js("return window.podiumLive.log.map(f => f.type)")).isEqualTo(List.of("first-state"));
        phone.screenshot("phone-first-paint-" + lang);

        gate.open();
        phone.until(PhonePage.SOON, "live", d -> phone.classes("#connection").contains("online"));
        assertThat(FrameLog.of(phone).stream().map(f -> f.get("type")).toList()).as("resumed from the page's state")
            .contains("welcome").doesNotContain("snapshot");
        phone.screenshot("phone-live-" + lang);
      }
    }
  }

  /**
   * A TCP relay in front of the hub that holds every WebSocket upgrade (a connection whose request is
   * GET /live) until {@link #open}, and passes everything else: a socket that is slow to come up.
   */
  private static final class LiveGate implements AutoCloseable {
    private final Vertx vertx;
    private final int target;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;
    private NetServer server;
    int port;

    LiveGate(Vertx vertx, int target) {
      this.vertx = vertx;
      this.target = target;
      this.client = vertx.createNetClient();
    }

    LiveGate start() {
      port = TestNode.freePort();
      server = vertx.createNetServer().connectHandler(this::relay).listen(port, "localhost").await();
      return this;
    }

    private void relay(NetSocket browser) {
      sockets.add(browser);
      browser.pause();
      client.connect(target, "localhost").onSuccess(hub -> {
        sockets.add(hub);
        hub.handler(browser::write);
        hub.closeHandler(v -> browser.close());
        browser.closeHandler(v -> hub.close());
        boolean[] first = {true};
        browser.handler(b -> {
          if (first[0] && b.toString(StandardCharsets.ISO_8859_1).startsWith("GET /live")) {
            first[0] = false;
            hold(() -> hub.write(b), browser, hub);
            return;
          }
          first[0] = false;
          hub.write(b);
        });
        browser.resume();
      }).onFailure(e -> browser.close());
    }

    private synchronized void hold(Runnable upgrade, NetSocket browser, NetSocket hub) {
      if (open) {
        upgrade.run();
        return;
      }
      // Nothing after the upgrade request comes before it is answered; hold the socket whole.
      browser.pause();
      held.add(() -> {
        upgrade.run();
        browser.resume();
      });
    }

    synchronized void open() {
      open = true;
      held.forEach(Runnable::run);
      held.clear();
    }

    @Override
    public void close() {
      server.close().await();
      sockets.forEach(NetSocket::close);
    }
  }
}

package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriverException;
import podium.TestNode;

/**
 * live.js's own rules in Chromium, against a stand-in for the hub: how long it waits to reconnect,
 * and what it does when the hub speaks a newer protocol than it does.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveJsBrowserTest {

  private static final Duration SOON = Duration.ofSeconds(10);
  /** A page that holds nothing but a live connection. */
  private static final String LIVE_PAGE = "<!doctype html><title>live.js</title><link rel=\"icon\" href=\"data:,\">"
      + "<script type=\"module\">import { connectLive } from '/js/live.js';"
      + " window.podiumLive = connectLive({ event: 'stand-in' });</script>";

  private Vertx vertx;
  private HttpServer server;
  private Browser browser;
  private final AtomicInteger pageLoads = new AtomicInteger();
  private final AtomicInteger hubProtocol = new AtomicInteger(1);
  private final List<JsonObject> hellos = new CopyOnWriteArrayList<>();
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // A page of our own, so the modules load from the webroot's origin (and no favicon is asked for).
    router.get("/blank.html").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html")
        .end("<!doctype html><title>live.js</title><link rel=\"icon\" href=\"data:,\">"));
    router.get("/live.html").handler(ctx -> {
      pageLoads.incrementAndGet();
      ctx.response().putHeader("Content-Type", "text/html").end(LIVE_PAGE);
    });
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("webroot").toAbsolutePath().toString()));
    server = vertx.createHttpServer().webSocketHandler(this::standInHub).requestHandler(router)
        .listen(TestNode.freePort()).await();
    browser = Browser.start(800, 600);
    browser.open("http://localhost:" + server.actualPort() + "/blank.html");
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(browser);
    } finally {
      vertx.close().await();
    }
  }

  /** The caps of the waits, with a random() that always gives its top: full jitter waits below them. */
  @Test
  void dropsDoubleTheCapUntilAWelcomeAndGapsBackOffOnlyWhenTheyRepeat() {
    Object caps = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import('/js/backoff.js').then(({ backoff, gapBackoff }) => {"
        + "  const top = () => 1; const drops = backoff(top); const out = { drops: [], gaps: [] };"
        + "  for (let i = 0; i < 8; i++) out.drops.push(drops.next());"
        + "  drops.reset(); out.afterWelcome = drops.next();"
        + "  let now = 0; const gaps = gapBackoff(top, () => now);"
        + "  out.gaps.push(gaps.next(), gaps.next(), gaps.next());"
        + "  now = 61_000; out.gaps.push(gaps.next());"
        + "  const half = backoff(() => 0.5); half.next(); out.half = half.next();"
        + "  done(out);"
        + "}, e => done('failed: ' + e));");
    assertThat(caps).extracting("drops").isEqualTo(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L));
    assertThat(caps).extracting("afterWelcome").isEqualTo(500L);
    assertThat(caps).as("the first gap in a minute resumes at once; the ones after it back off")
        .extracting("gaps").isEqualTo(List.of(0L, 1000L, 2000L, 0L));
    assertThat(caps).as("a wait anywhere below its cap").extracting("half").isEqualTo(500L);
  }

  @Test
  void aPageOlderThanItsHubSaysItsProtocolCarriesOnAndReloadsOnceForTheNewCopy() {
    browser.open("http://localhost:" + server.actualPort() + "/live.html");
    browser.until(SOON, "the page online", d -> online());
    assertThat(hellos).singleElement().satisfies(h -> assertThat(h.getValue("protocol")).isEqualTo(1));
    assertThat(browser.js("return window.podiumLive.status.outdated")).isEqualTo(false);

    // The hub is updated to a newer protocol: the page, idle, reloads for its new copy once.
    hubProtocol.set(2);
    reconnectAll();
    browser.until(SOON, "the page loaded again", d -> pageLoads.get() == 2);
    browser.until(SOON, "the new page online and told", d -> online()
        && Boolean.TRUE.equals(browser.js("return window.podiumLive.status.outdated")));
    // Its copy is no newer (as when the new one could not be fetched): it carries on, and no loop.
    int before = hellos.size();
    reconnectAll();
    browser.until(SOON, "another hello from the same page", d -> hellos.size() > before && online());
    assertThat(pageLoads.get()).isEqualTo(2);
    assertThat(hellos).allSatisfy(h -> assertThat(h.getValue("protocol")).isEqualTo(1));
    assertThat(browser.js("return window.podiumLive.version")).isEqualTo(1L);
  }

  private boolean online() {
    try {
      return Boolean.TRUE.equals(browser.js("return !!window.podiumLive && window.podiumLive.status.online"
          + " && window.podiumLive.version === 1"));
    } catch (WebDriverException e) {
      return false; // the page is being reloaded
    }
  }

  private void reconnectAll() {
    for (ServerWebSocket ws : sockets) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(new JsonObject().put("type", "reconnect").put("afterMs", 0).encode());
      }
    }
  }

  /** Welcomes every hello in the protocol of the moment, then sends a snapshot at version 1. */
  private void standInHub(ServerWebSocket ws) {
    sockets.add(ws);
    ws.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if (!"hello".equals(frame.getString("type"))) {
        return;
      }
      hellos.add(frame);
      ws.writeTextMessage(new JsonObject().put("type", "welcome").put("epoch", "stand-in").put("version", 1)
          .put("serverTime", System.currentTimeMillis()).put("node", "stand-in").put("audience", "public")
          .put("clock", new JsonObject().put("mode", "real")).put("protocol", hubProtocol.get()).encode());
      ws.writeTextMessage(new JsonObject().put("type", "snapshot").put("version", 1).put("epoch", "stand-in")
          .put("state", new JsonObject().put("version", 1).put("epoch", "stand-in")).encode());
    });
  }
}

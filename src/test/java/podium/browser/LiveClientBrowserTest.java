package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
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
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * The agenda page and live.js in a real Chromium against a real node on epoll: it renders, follows
 * changes, goes offline and resumes across a node restart with no gap and no repeat, and shows
 * staff-typed text inert. The steps run in order on one page, as an attendee's phone would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class LiveClientBrowserTest {

  private static final Duration SOON = Duration.ofSeconds(5);
  private static final Duration BACK_ONLINE = Duration.ofSeconds(45);
  private static final String XSS = "<img src=x onerror=window.__xss=1>";

  private Vertx vertx;
  private PgConnectOptions db;
  private int port;
  private Node node;
  private Api api;
  private Browser phone;

  @BeforeAll
  void start() {
    // Native epoll, as in production, where frames go straight to each socket's descriptor.
    vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    assertThat(vertx.isNativeTransportEnabled()).isTrue();
    db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "browser-a");
    api = new Api(vertx, port);
    phone = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(phone);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
      vertx.close().await();
    }
  }

  @Test
  @Order(1)
  void rendersTheDemoAgendaInEnglishAndChinese() {
    JsonObject state = api.snapshot();
    JsonObject title = state.getJsonObject("event").getJsonObject("title");
    phone.open(page());
    awaitAgenda(phone, title.getString("en"), state.getJsonArray("sessions").size());
    assertThat(text("#agenda [data-session='keynote-gan-yong'] .start")).isEqualTo("09:05");
    assertNoSidewaysScroll(phone);
    phone.screenshot("agenda-390-en");
    phone.fullPageScreenshot("agenda-390-en-full");

    phone.find("#lang-toggle").click();
    awaitTitle(phone, title.getString("zh"));
    assertThat(text("#agenda [data-session='keynote-gan-yong'] .title")).isEqualTo("干勇院士主旨演讲");
    assertThat(phone.find("html").getAttribute("lang")).isEqualTo("zh-CN");
    assertNoSidewaysScroll(phone);
    phone.screenshot("agenda-390-zh");
    phone.fullPageScreenshot("agenda-390-zh-full");

    phone.find("#lang-toggle").click();
    awaitTitle(phone, title.getString("en"));
  }

  @Test
  @Order(2)
  void showsADelayWithinSeconds() {
    command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 15)
        .put("cascade", true));
    String item = "#agenda [data-session='keynote-gan-yong']";
    phone.until(SOON, "the delay on the page", d -> text(item + " .delay").equals("Delayed 15 min"));
    assertThat(text(item + " .start")).isEqualTo("09:20");
    assertThat(phone.js("return document.querySelector(arguments[0]).tagName", item + " .planned")).isEqualTo("S");
    assertThat(text(item + " .planned")).isEqualTo("09:05");
    assertThat(phone.classes(item)).contains("changed");
    // The cascade pushed the next keynote too, and the page shows that as well.
    assertThat(text("#agenda [data-session='keynote-wang-haizhou'] .start")).isEqualTo("09:50");

    command(new JsonObject().put("type", "session.start").put("session", "keynote-gan-yong"));
    phone.until(SOON, "the keynote under Now", d -> text("#now-next .now [data-session='keynote-gan-yong'] .badge-live")
        .equals("Live now"));
  }

  @Test
  @Order(3)
  void showsStaffTypedMarkupAsText() {
    command(new JsonObject().put("type", "session.update").put("session", "welcome-speech").put("title", XSS));
    phone.until(SOON, "the new title", d -> text("#agenda [data-session='welcome-speech'] .title").equals(XSS));
    assertThat(phone.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(phone.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
  }

  @Test
  @Order(4)
  void staysReadableOfflineAndResumesOnANewNodeWithNoGapOrRepeat() {
    awaitPageVersionFrom(api.snapshot().getLong("version"), SOON);
    int sessions = phone.driver.findElements(org.openqa.selenium.By.cssSelector("#agenda .session")).size();

    long last;
    try (Browser.NetworkErrors away = phone.expectNetworkErrors("the node stops, then a new one starts on its port")) {
      node.stop().await();
      node = null;
      phone.until(SOON, "the offline indicator", d -> phone.classes("#connection").contains("offline"));
      assertThat(text("#connection")).matches("Offline · last updated \\d\\d:\\d\\d");
      assertThat(phone.driver.findElements(org.openqa.selenium.By.cssSelector("#agenda .session"))).hasSize(sessions);
      assertThat(text("#event-title")).isNotBlank();

      node = TestNode.start(vertx, db, port, "browser-b");
      command(new JsonObject().put("type", "session.delay").put("session", "welcome-speech").put("minutes", 5));
      command(new JsonObject().put("type", "session.move").put("session", "matchmaking-meeting-2").put("room", "main-hall"));
      last = command(new JsonObject().put("type", "session.cancel").put("session", "academic-conference-break"));

      // The stage clock may publish a running-late projection of its own (stage.project) after these.
      last = awaitPageVersionFrom(last, BACK_ONLINE);
      phone.until(SOON, "back online", d -> phone.classes("#connection").contains("online"));
    }
    assertThat(text("#agenda [data-session='matchmaking-meeting-2'] .moved")).isEqualTo("Moved from Sub-forum B");
    assertThat(text("#agenda [data-session='academic-conference-break'] .badge-cancelled")).isEqualTo("Cancelled");
    assertThat(text("#agenda [data-session='welcome-speech'] .delay")).isEqualTo("Delayed 5 min");

    phone.screenshot("agenda-390-en-changed");
    phone.js("document.querySelector(\"#agenda [data-session='academic-conference-break']\").scrollIntoView()");
    phone.screenshot("agenda-390-en-changed-afternoon");
    phone.js("window.scrollTo(0, 0)");
    List<Map<String, Object>> log = FrameLog.of(phone);
    assertGaplessAndOnce(log, last);
    assertThat(types(log)).as("a drain asks the page to come back").contains("reconnect");
    assertThat(types(log).stream().filter("welcome"::equals).count()).isGreaterThanOrEqualTo(2);
    assertThat(types(log).stream().filter("snapshot"::equals).count())
        .as("the resume on the new node replays changes, and the first visit came with its state in the page").isZero();
    assertThat(types(log).get(0)).as("the state the page came with").isEqualTo("first-state");
  }

  @Test
  @Order(5)
  void aReloadWhileTheHubIsDownRendersTheCachedAgendaAndResumesFromIt() {
    long cached = api.snapshot().getLong("version");
    long last;
    try (Browser.NetworkErrors away = phone.expectNetworkErrors("no hub: pages only, then a new node")) {
      node.stop().await();
      node = null;
      // The pages still load (as from a cache) but nothing answers on /live.
      HttpServer pagesOnly = pagesOnly(port);
      phone.driver.navigate().refresh();
      phone.until(SOON, "the cached agenda while offline", d -> phone.classes("#connection")
          .contains("offline") && text("#agenda [data-session='matchmaking-meeting-2'] .moved").equals("Moved from Sub-forum B"));
      assertThat(phone.js("return window.podiumLive.version")).isEqualTo(cached);
      assertThat(FrameLog.of(phone)).as("nothing came from a hub").isEmpty();
      assertThat(away.seen()).as("the page tried /live").isNotEmpty();

      pagesOnly.close().await();
      node = TestNode.start(vertx, db, port, "browser-c");
      last = command(new JsonObject().put("type", "session.delay").put("session", "awards-ceremony").put("minutes", 10));
      // The new node's stage clock may publish a running-late projection of its own around it.
      last = awaitPageVersionFrom(last, BACK_ONLINE);
    }
    List<Map<String, Object>> log = FrameLog.of(phone);
    assertThat(types(log)).as("resumed from the cached version, no snapshot").doesNotContain("snapshot");
    assertThat(log.stream().filter(f -> "change".equals(f.get("type"))).map(f -> f.get("version")).toList())
        .as("every change after the cached version, once and in order")
        .isEqualTo(java.util.stream.LongStream.rangeClosed(cached + 1, last).boxed().toList());
  }

  @Test
  @Order(6)
  void desktopLayout() {
    try (Browser desktop = Browser.start(1920, 1080)) {
      JsonObject state = api.snapshot();
      desktop.open(page());
      awaitAgenda(desktop, state.getJsonObject("event").getJsonObject("title").getString("en"),
          state.getJsonArray("sessions").size());
      assertNoSidewaysScroll(desktop);
      desktop.screenshot("agenda-1920");

      desktop.find("[data-view='room']").click();
      desktop.until(SOON, "rooms as groups", d -> desktop.text("#agenda .group-heading").equals("Main Hall"));
      assertThat(desktop.js("return [...document.querySelectorAll('#agenda .group-heading')].map(h => h.textContent)"))
          .isEqualTo(List.of("Main Hall", "Sub-forum A", "Sub-forum B", "Expo Hall"));
      desktop.screenshot("agenda-1920-by-room");
    }
  }

  @Test
  @Order(7)
  void aPageOpenedBeforeItsEventExistsGoesLiveWhenItArrives() {
    try (Browser early = Browser.start(390, 844)) {
      early.open("http://localhost:" + port + "/index.html?event=not-yet");
      early.until(SOON, "the page told the event is not here", d -> Boolean.TRUE.equals(early.js(
          "const l = window.podiumLive; return !!l && !!l.status.error && l.status.error.code === 'unknown_event'")));
      HttpResponse<Buffer> made = api.call(io.vertx.core.http.HttpMethod.POST, "/api/events", new JsonObject()
          .put("slug", "not-yet").put("title", "Not Yet Con").put("timeZone", "Europe/Berlin")
          .put("days", List.of("2026-05-01")).encode(), "Content-Type", "application/json",
          "Authorization", "Bearer " + TestNode.ADMIN_TOKEN);
      assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
      // The page asks again after its backoff (about a second) rather than wait for the hub to drop a
      // socket that never greeted (30 s): the wait is far above the one and below the other.
      early.until(Duration.ofSeconds(20), "the event's title on the page", d -> early.text("#event-title")
          .equals("Not Yet Con"));
    }
  }

  private String page() {
    return "http://localhost:" + port + "/index.html?event=" + TestNode.SLUG;
  }

  private HttpServer pagesOnly(int onPort) {
    Router router = Router.router(vertx);
    router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("webroot").toAbsolutePath().toString()));
    return vertx.createHttpServer().requestHandler(router).listen(onPort).await();
  }

  private long command(JsonObject body) {
    HttpResponse<Buffer> r = api.command(body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getLong("version");
  }

  private String text(String css) {
    return phone.text(css);
  }

  private static void awaitAgenda(Browser b, String title, int sessions) {
    awaitTitle(b, title);
    b.until(SOON, "all " + sessions + " sessions", d -> ((Number) b.js(
        "return document.querySelectorAll('#agenda .session').length")).intValue() == sessions);
  }

  private static void awaitTitle(Browser b, String title) {
    b.until(SOON, "the title '" + title + "'", d -> b.text("#event-title").equals(title));
  }

  /** Waits until the page is at the hub's version, at least this one; returns that version. */
  private long awaitPageVersionFrom(long version, Duration timeout) {
    return phone.until(timeout, "the page at the hub's version, at least " + version, d -> {
      Object at = phone.js("return window.podiumLive.version");
      long hub = api.snapshot().getLong("version");
      return at instanceof Number n && n.longValue() >= version && n.longValue() == hub ? hub : null;
    });
  }

  private static void assertNoSidewaysScroll(Browser b) {
    assertThat((Boolean) b.js("return document.documentElement.scrollWidth <= window.innerWidth"))
        .as("the page fits its width").isTrue();
  }

  private static List<String> types(List<Map<String, Object>> log) {
    return log.stream().map(f -> (String) f.get("type")).toList();
  }

  /** Each version exactly once and in order; a snapshot only right after a welcome. */
  private static void assertGaplessAndOnce(List<Map<String, Object>> log, long last) {
    FrameLog.Check check = FrameLog.check(log, null);
    assertThat(check.problems()).as("frame log " + log).isEmpty();
    assertThat(check.last()).isEqualTo(last);
  }
}

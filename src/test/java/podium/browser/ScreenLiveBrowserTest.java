package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ScreenPages.SOON;
import static podium.browser.ScreenPages.assertFits;
import static podium.browser.ScreenPages.awaitText;
import static podium.browser.ScreenPages.awaitVersion;
import static podium.browser.ScreenPages.command;
import static podium.browser.ScreenPages.pageText;
import static podium.browser.ScreenPages.url;
import static podium.browser.ScreenPages.visible;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/** Screens following the hub: emergencies, synchronised award reveals, pairing, and a lost connection. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ScreenLiveBrowserTest {

  private static final String ROOM = "room=main-hall&layout=room&at=2023-08-16T11:25";
  /** Keeps every step of a reveal a screen puts up: its rank (none for the category), nominee and moments. */
  private static final String RECORD_STEPS = "const box = document.getElementById('reveal'); window.__revealSteps = [];"
      + " new MutationObserver(() => { const inner = box.querySelector('.reveal-inner'); if (!inner) return;"
      + " const nominee = inner.querySelector('.reveal-nominee');"
      + " window.__revealSteps.push({ rank: inner.dataset.rank || null, nominee: nominee ? nominee.textContent : null,"
      + " startsAt: Number(box.dataset.startsAt), shownAt: Number(box.dataset.shownAt) }); })"
      + ".observe(box, { childList: true });";

  private Vertx vertx;
  private PgConnectOptions db;
  private int port;
  private Node node;
  private Api api;
  private Browser wall;
  private Browser tv;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "screens-live-a");
    api = new Api(vertx, port);
    wall = Browser.start(1920, 1080);
    tv = Browser.start(1280, 720);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(wall, tv);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  @Order(1)
  void anEmergencyNoticeTakesOverEveryLayoutAndClears() {
    wall.open(url(port, ROOM + "&lang=en-zh"));
    tv.open(url(port, "layout=foyer&lang=zh-en&at=2023-08-16T11:25"));
    awaitText(wall, "#screen .now-panel", "Awards Ceremony");
    awaitText(tv, "#screen .foyer-grid", "主会场");

    command(api, new JsonObject().put("type", "notice.emergency").put("text", new JsonObject()
        .put("zh", "请保持冷静，按照工作人员指引从最近的安全出口有序离场")
        .put("en", "Please stay calm and leave by the nearest exit, following the staff")));
    for (Browser b : new Browser[] {wall, tv}) {
      b.until(SOON, "the emergency takeover", d -> visible(b, "#emergency")
          && b.text("#emergency").contains("nearest exit") && b.text("#emergency").contains("安全出口"));
      assertThat(b.text("#emergency")).contains("Emergency notice").contains("紧急通知");
      // It covers the whole screen.
      assertThat(b.js("const r = document.getElementById('emergency').getBoundingClientRect();"
          + " return r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight")).isEqualTo(true);
      assertFits(b, "emergency");
    }
    wall.screenshot("screen-emergency-en-zh-1920");
    tv.screenshot("screen-emergency-zh-en-1280");

    command(api, new JsonObject().put("type", "notice.clear"));
    for (Browser b : new Browser[] {wall, tv}) {
      b.until(SOON, "the notice cleared", d -> !visible(b, "#emergency") && b.text("#emergency").isEmpty());
    }
    assertThat(wall.text("#screen .now-panel")).contains("Awards Ceremony");
  }

  @Test
  @Order(2)
  void aRevealStartsTogetherOnTwoScreensAndNothingLeaksBeforeIt() {
    wall.open(url(port, ROOM + "&lang=zh-en"));
    tv.open(url(port, ROOM + "&lang=en-zh"));
    awaitText(wall, "#screen .now-panel", "颁奖");
    awaitText(tv, "#screen .now-panel", "Awards Ceremony");
    long secret = command(api, new JsonObject("{\"type\":\"award.set_results\",\"award\":\"individual-accolades\","
        + "\"results\":[{\"rank\":1,\"nominee\":\"demo-laureate-b\"},{\"rank\":2,\"nominee\":\"demo-laureate-a\"},"
        + "{\"rank\":3,\"nominee\":\"demo-laureate-c\"}]}"));
    for (Browser b : new Browser[] {wall, tv}) {
      awaitVersion(b, secret, SOON);
      assertThat(pageText(b)).doesNotContain("Laureate B").doesNotContain("获奖者乙");
      assertThat(String.valueOf(b.js("return document.documentElement.outerHTML"))).doesNotContain("Laureate B")
          .doesNotContain("获奖者乙");
      // The nominees are public; who won is not: no result of the award and no trace of the winner's id.
      String state = String.valueOf(b.js("return JSON.stringify(window.podiumLive.state)"));
      assertThat(state).doesNotContain("\"nominee\":\"demo-laureate-b\"").doesNotContain("\"rank\":1");
      assertThat(b.js("return window.podiumLive.state.awards.find(a => a.id === 'individual-accolades').results.length"))
          .isEqualTo(0L);
    }

    try (LiveClient listener = LiveClient.connect(vertx, port)) {
      listener.hello();
      listener.awaitType("snapshot");
      for (Browser b : new Browser[] {wall, tv}) {
        b.js(RECORD_STEPS);
      }
      long reveal = command(api, new JsonObject().put("type", "award.reveal").put("award", "individual-accolades"));
      JsonObject change = listener.await(f -> f.getLong("version", -1L) == reveal && "change".equals(f.getString("type")),
          SOON);
      long showAt = change.getJsonObject("data").getLong("showAt");

      // The category first, on both, from showAt; then 3rd place (lowest first), 2nd, 1st.
      for (Browser b : new Browser[] {wall, tv}) {
        b.until(Duration.ofSeconds(20), "the winner", d -> b.text("#reveal .reveal-nominee").contains("Laureate B"));
        // In step: each screen runs the sequence from the change's showAt on the hub's clock (not from
        // when the change reached it), and puts no step up before its moment. What they showed when:
        List<JsonObject> steps = new JsonArray(String.valueOf(b.js("return JSON.stringify(window.__revealSteps)")))
            .stream().map(JsonObject.class::cast).toList();
        assertThat(steps).as("the steps put up on %s", b).isNotEmpty();
        assertThat(steps).as("the moment %s ran the sequence from (server ms)", b)
            .allSatisfy(st -> assertThat(st.getLong("startsAt")).isEqualTo(showAt));
        List<JsonObject> ranks = steps.stream().filter(st -> st.getString("rank") != null).toList();
        assertThat(ranks.get(0).getString("rank")).as("the first rank on %s", b).isEqualTo("3");
        assertThat(ranks.get(0).getString("nominee")).contains("【示例】获奖者丙").contains("[Demo] Laureate C");
        assertThat(ranks.get(ranks.size() - 1).getString("rank")).isEqualTo("1");
        for (JsonObject st : steps) {
          String rank = st.getString("rank");
          // screen-reveal.js: the category alone for INTRO_MS (1.5 s), then each rank for STEP_MS (6 s).
          long due = rank == null ? showAt : showAt + 1_500 + (3 - Long.parseLong(rank)) * 6_000;
          assertThat(st.getLong("shownAt")).as("%s put up %s at (server ms), due at %d", b,
              rank == null ? "the category" : "rank " + rank, due).isGreaterThanOrEqualTo(due);
        }
        System.out.println("[screens] " + b + ": the first rank up " + (ranks.get(0).getLong("shownAt") - showAt - 1_500)
            + " ms after its moment (server clock)");
        assertThat(b.text("#reveal .reveal-place")).contains("1st place").contains("第1名");
        assertThat(b.text("#reveal .reveal-category")).contains("Individual Accolades").contains("个人荣誉");
        assertFits(b, "reveal");
        b.until(SOON, "the winner's entrance done", d -> Boolean.TRUE.equals(b.js(
            "return document.querySelector('#reveal .reveal-inner').getAnimations().every(a => a.playState === 'finished')")));
      }
      wall.screenshot("screen-reveal-zh-en-1920");
      tv.screenshot("screen-reveal-en-zh-1280");
      for (Browser b : new Browser[] {wall, tv}) {
        b.until(Duration.ofSeconds(15), "back to the layout", d -> !visible(b, "#reveal"));
      }
      assertThat(tv.text("#screen .now-panel")).contains("Awards Ceremony");
    }
  }

  @Test
  @Order(3)
  void aNewScreenShowsACodeIsPairedByStaffAndCanBeIdentified() {
    try (Browser fresh = Browser.start(1920, 1080)) {
      fresh.open(url(port, "at=2023-08-16T14:10"));
      fresh.until(SOON, "a pairing code", d -> fresh.text(".pair-code").matches("[A-Z0-9]{6}"));
      assertThat(fresh.text(".pair-hint")).contains("Enter this code in the Podium console").contains("请在 Podium 控制台输入此代码");
      assertFits(fresh, "pairing code");
      fresh.screenshot("screen-pairing-1920");

      String code = fresh.text(".pair-code");
      command(api, new JsonObject().put("type", "screen.pair").put("code", code).put("room", "forum-a").put("layout", "room")
          .put("name", new JsonObject().put("en", "Forum A, door").put("zh", "分论坛A门口")));
      fresh.until(Duration.ofSeconds(10), "forum-a's room layout", d -> fresh.text("#screen .layout-room .place").contains("分论坛A")
          && fresh.text("#screen .now-panel").contains("2023 Academic Annual Conference"));
      String screen = String.valueOf(fresh.js("return window.podiumScreen.device.screen"));
      assertThat(fresh.js("return window.podiumLive.status.online")).isEqualTo(true);

      command(api, new JsonObject().put("type", "screen.identify").put("screen", screen));
      fresh.until(SOON, "the screen's name, big", d -> visible(fresh, "#identify")
          && fresh.text("#identify .identify-name").contains("分论坛A门口"));
      assertThat(fresh.text("#identify .identify-name")).contains("Forum A, door");
      assertFits(fresh, "identify");
      fresh.screenshot("screen-identify-1920");

      command(api, new JsonObject().put("type", "screen.assign").put("screen", screen).put("layout", "foyer").put("lang", "en-zh"));
      fresh.until(SOON, "the new assignment", d -> fresh.text("#screen .layout-foyer .place").startsWith("15th China Baotou"));

      // A reload keeps the pairing: straight back to the assignment, no code.
      fresh.driver.navigate().refresh();
      fresh.until(SOON, "the assignment after a reload", d -> fresh.text("#screen .layout-foyer").contains("Sub-forum A"));
      assertThat(fresh.text("#screen")).doesNotContain("Enter this code");
    }
  }

  @Test
  @Order(4)
  void aScreenThatLosesTheHubKeepsItsPictureAndCatchesUpWithNoGap() {
    // The other screen leaves the hub first: it would log its own connection errors while the node is away.
    tv.open("about:blank");
    wall.open(url(port, ROOM + "&lang=en-zh"));
    awaitVersion(wall, api.snapshot().getLong("version"), SOON);
    awaitText(wall, "#screen .now-panel", "Awards Ceremony");
    String before = wall.text("#screen .now-panel");
    long from = ((Number) wall.js("window.podiumLive.log.length = 0; return window.podiumLive.version")).longValue();

    long last;
    try (Browser.NetworkErrors away = wall.expectNetworkErrors("the node stops, then a new one starts on its port")) {
      node.stop().await();
      node = null;
      wall.until(SOON, "the offline mark", d -> wall.classes("#connection").contains("offline"));
      assertThat(wall.text("#connection")).matches("Offline since \\d\\d:\\d\\d · \\d\\d:\\d\\d 起离线");
      assertThat(wall.text("#screen .now-panel")).isEqualTo(before);
      assertFits(wall, "offline");
      wall.screenshot("screen-room-offline-1920");

      node = TestNode.start(vertx, db, port, "screens-live-b");
      command(api, new JsonObject().put("type", "session.delay").put("session", "awards-ceremony").put("minutes", 10)
          .put("cascade", true));
      last = command(api, new JsonObject().put("type", "announcement.post").put("text", "Back online"));
      awaitVersion(wall, last, Duration.ofSeconds(45));
      wall.until(SOON, "online again, no mark", d -> wall.text("#connection").isEmpty());
    }
    awaitText(wall, "#screen [data-session='awards-ceremony'] .mark-delayed", "Delayed 10 min, now 11:30");
    awaitText(wall, "#ticker", "Back online");
    assertGapless(FrameLog.of(wall), from, last);
  }

  /** From the version shown before the loss, each version once and in order, resumed with no snapshot. */
  private static void assertGapless(List<Map<String, Object>> log, long from, long last) {
    FrameLog.Check check = FrameLog.check(log, from);
    assertThat(check.problems()).as("frame log " + log).isEmpty();
    assertThat(check.snapshots()).as("the resume replays the missed changes, no snapshot").isZero();
    assertThat(log.stream().filter(f -> "change".equals(f.get("type"))).count()).isEqualTo(last - from);
    assertThat(check.last()).isEqualTo(last);
  }
}

package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.awaitNoDialog;
import static podium.browser.ConsolePages.awaitToast;
import static podium.browser.ConsolePages.choose;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.type;
import static podium.browser.ConsolePages.view;
import static podium.browser.ScreenPages.SOON;
import static podium.browser.ScreenPages.XSS;
import static podium.browser.ScreenPages.assertFits;
import static podium.browser.ScreenPages.awaitVersion;
import static podium.browser.TimerPages.assertCountsTo;
import static podium.browser.TimerPages.brightest;
import static podium.browser.TimerPages.read;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
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
 * The speaker timer (screen.html?layout=timer) at 1920x1080 and 1280x720, in English and zh-en,
 * driven by real commands on the demo forum: between sessions, a session started late counting to
 * its end with the next one expected later, warning, danger and over time, the crew's message,
 * a flash (and its reduced-motion frame), blackout, offline behind a relay that is cut, a room with
 * nothing left, and a screen paired from the console with the timer layout. Every picture is saved
 * in target/screenshots (timer-*), fits the screen and passes axe-core.
 */
@Tag("browser")
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeakerTimerBrowserTest {

  private static final String ROOM = "main-hall";
  private static final List<String> LANGS = List.of("en", "zh-en");
  /** The projection is published by the hub's stage clock, once a second on the leading node. */
  private static final Duration PROJECTED = Duration.ofSeconds(30);
  private static final Duration BACK_ONLINE = Duration.ofSeconds(45);
  private static final LocalTime OPENING_ENDS = LocalTime.of(8, 50);

  private Vertx vertx;
  private int hubPort;
  private int port;
  private Node node;
  private Api api;
  private CountingProxy proxy;
  private Browser big;
  private Browser small;

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    hubPort = TestNode.freePort();
    node = TestNode.start(vertx, db, hubPort, "timer");
    api = new Api(vertx, hubPort);
    // The timers reach the hub through a relay, so that a test can take the network away from them.
    port = TestNode.freePort();
    proxy = new CountingProxy(vertx, port, hubPort).start();
    big = Browser.start(1920, 1080);
    small = Browser.start(1280, 720);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(big, small);
    } finally {
      proxy.close();
      api.close();
      node.stop().await();
    }
  }

  private long command(String json) {
    return ScreenPages.command(api, new JsonObject(json));
  }

  private void clock(String at, boolean paused) {
    command("{\"type\":\"clock.set\",\"at\":\"2023-08-16T" + at + "\",\"speed\":1,\"paused\":" + paused + "}");
  }

  private String timer(String lang) {
    return TimerPages.url(port, ROOM, lang);
  }

  private static String size(Browser b, Browser big) {
    return b == big ? "1920" : "1280";
  }

  /**
   * Each language at each size: opened, waited on until `ready`, photographed as
   * timer-STATE-LANG-SIZE, checked to fit and by axe-core, then by `check`.
   */
  private void shoot(String state, Predicate<Browser> ready, BiConsumer<Browser, Path> check) {
    for (String lang : LANGS) {
      for (Browser b : new Browser[] {big, small}) {
        String name = "timer-" + state + "-" + lang + "-" + size(b, big);
        b.open(timer(lang));
        b.until(SOON, name, d -> ready.test(b));
        b.js("return document.fonts.ready.then(() => true)");
        Path shot = b.screenshot(name);
        assertFits(b, name);
        Accessibility.assertNoSeriousViolations(b, name);
        check.accept(b, shot);
      }
    }
  }

  private void shoot(String state, Predicate<Browser> ready) {
    shoot(state, ready, (b, shot) -> { });
  }

  private static String css(Browser b, String selector, String property) {
    return String.valueOf(b.js("return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", selector,
        property));
  }

  @Test
  @Order(1)
  void betweenSessionsItCountsDownToTheNextSession() {
    clock("08:20", true);
    shoot("between", b -> read(b).phase("between") && read(b).digits().equals("10:00"), (b, shot) -> {
      assertThat(b.text("#screen .timer-info")).contains("Next 08:30").contains("Opening Ceremony");
      assertThat(b.text("#screen .timer-count")).contains("Next session in");
    });
    assertThat(big.text("#screen .timer-info")).contains("下一场 08:30").contains("开幕式");
    assertThat(big.text("#screen .timer-count")).contains("距下一场开始");

    clock("08:20", false);
    big.open(timer("en"));
    big.until(SOON, "the countdown running", d -> read(big).phase("between") && !read(big).digits().equals("10:00"));
    assertCountsTo(read(big), LocalTime.of(8, 30));
  }

  @Test
  @Order(2)
  void aSessionStartedLateCountsToItsEndAndTheNextIsExpectedLater() {
    clock("08:35", true);
    command("{\"type\":\"session.start\",\"session\":\"opening-ceremony\"}");
    big.open(timer("en"));
    big.until(SOON, "the opening, live", d -> read(big).phase("normal") && read(big).digits().equals("15:00"));
    assertThat(big.text("#screen .timer-info")).contains("Opening Ceremony");
    // Started 5 minutes late, it keeps its length: the hub's projection expects the next one 5 minutes late.
    big.until(PROJECTED, "the next session's expected start", d -> big.text("#screen .timer-next .timer-when")
        .equals("Next 08:45 → expected 08:50"));
    assertThat(big.text("#screen .timer-next")).contains("Speech by Wang Lixia on Behalf of Sun Shaocheng");
    assertThat(big.classes("#screen .timer-next .timer-when")).contains("late");

    shoot("normal", b -> read(b).phase("normal") && b.text("#screen .timer-next").contains("08:50"));
    assertThat(big.text("#screen .timer-next .timer-when")).contains("下一场 08:45 → 预计 08:50")
        .contains("Next 08:45 → expected 08:50");
    assertThat(big.text("#screen .timer-info")).contains("开幕式").contains("Opening Ceremony");

    clock("08:35", false);
    big.until(SOON, "the countdown running", d -> read(big).phase("normal") && !read(big).digits().equals("15:00"));
    assertCountsTo(read(big), OPENING_ENDS);
  }

  @Test
  @Order(3)
  void itTurnsAtWarningAndDangerAndPastTheEndCountsUpInRed() {
    clock("08:42", true);
    big.open(timer("en"));
    big.until(SOON, "8 minutes left, no warning yet", d -> read(big).digits().equals("08:00") && read(big).phase("normal"));
    // The session's own phases come before the event's (5 and 1 minutes by default).
    command("{\"type\":\"stage.timer\",\"session\":\"opening-ceremony\",\"warningMinutes\":10,\"dangerMinutes\":3}");
    big.until(SOON, "the session's own warning at 10 minutes", d -> read(big).phase("warning"));
    command("{\"type\":\"stage.timer\",\"session\":\"opening-ceremony\",\"warningMinutes\":5,\"dangerMinutes\":1}");
    big.until(SOON, "back to normal", d -> read(big).phase("normal"));

    clock("08:46", true);
    shoot("warning", b -> read(b).phase("warning") && read(b).digits().equals("04:00"),
        (b, shot) -> assertThat(css(b, "#screen .timer-count", "backgroundColor")).isEqualTo("rgb(255, 176, 32)"));
    clock("08:49:30", true);
    shoot("danger", b -> read(b).phase("danger") && read(b).digits().equals("00:30"),
        (b, shot) -> assertThat(css(b, "#screen .timer-count", "backgroundColor")).isEqualTo("rgb(200, 16, 46)"));
    clock("08:52:13", true);
    shoot("over", b -> read(b).phase("over") && read(b).digits().equals("+02:13"), (b, shot) -> {
      assertThat(css(b, "#screen .digits", "color")).isEqualTo("rgb(255, 92, 92)");
      assertThat(b.text("#screen .timer-count")).contains("Over time");
    });
    assertThat(big.text("#screen .timer-count")).contains("已超时");

    // It never stops: on a running clock it counts up from there.
    clock("08:52:13", false);
    big.until(SOON, "counting up", d -> read(big).phase("over") && read(big).secondsLeft() < -133);
    assertCountsTo(read(big), OPENING_ENDS);
  }

  @Test
  @Order(4)
  void theCrewsMessageShowsLargeUntilClearedAndMarkupAsText() {
    clock("08:40", true);
    command("{\"type\":\"stage.message\",\"room\":\"main-hall\",\"text\":{\"en\":\"Please wrap up\",\"zh\":\"请准备结束\"}}");
    shoot("message", b -> b.text("#screen .timer-message").contains("Please wrap up"), (b, shot) -> {
      assertThat(read(b).digits()).isEqualTo("10:00");
      assertThat(b.text("#screen .timer-info")).doesNotContain("Opening Ceremony");
    });
    assertThat(big.text("#screen .timer-message")).contains("请准备结束");
    small.open(timer("en"));
    small.until(SOON, "the message in English only", d -> small.text("#screen .timer-message").equals("Please wrap up"));

    command("{\"type\":\"stage.message\",\"room\":\"main-hall\",\"text\":\"" + XSS + "\"}");
    small.until(SOON, "staff's markup as text", d -> small.text("#screen .timer-message").equals(XSS));
    assertThat(small.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(small.js("return document.querySelectorAll('img').length")).isEqualTo(0L);

    command("{\"type\":\"stage.message\",\"room\":\"main-hall\",\"text\":\"\"}");
    small.until(SOON, "the message cleared", d -> small.text("#screen .timer-message").isEmpty()
        && small.text("#screen .timer-info").contains("Opening Ceremony"));
  }

  @Test
  @Order(5)
  void aFlashCatchesTheEyeForAFewSecondsAndIsNeverReplayed() {
    big.open(timer("en"));
    big.until(SOON, "the timer", d -> read(big).digits().equals("10:00"));
    command("{\"type\":\"stage.flash\",\"room\":\"main-hall\"}");
    big.until(SOON, "the flash", d -> read(big).classes().contains("flashing"));
    assertThat(big.js("return getComputedStyle(document.querySelector('#screen .layout-timer'), '::after').animationName"))
        .isEqualTo("timer-flash");
    big.screenshot("timer-flash-en-1920");
    big.until(Duration.ofSeconds(10), "the flash over", d -> !read(big).classes().contains("flashing"));

    // After a reload the same flash is old news on the hub's clock.
    long version = api.snapshot().getLong("version");
    big.driver.navigate().refresh();
    awaitVersion(big, version, SOON);
    big.until(SOON, "the timer again", d -> read(big).digits().equals("10:00"));
    assertThat(read(big).classes()).doesNotContain("flashing");

    // With reduced motion: a steady amber frame, no blinking.
    small.driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    try {
      small.open(timer("zh-en"));
      small.until(SOON, "the timer", d -> read(small).digits().equals("10:00"));
      command("{\"type\":\"stage.flash\",\"room\":\"main-hall\"}");
      small.until(SOON, "the flash", d -> read(small).classes().contains("flashing"));
      @SuppressWarnings("unchecked")
      Map<String, Object> frame = (Map<String, Object>) small.js("const s = getComputedStyle("
          + "document.querySelector('#screen .layout-timer'), '::after');"
          + " return { animation: s.animationName, color: s.borderTopColor, width: parseFloat(s.borderTopWidth) };");
      assertThat(frame.get("animation")).isEqualTo("none");
      assertThat(frame.get("color")).isEqualTo("rgb(255, 209, 102)");
      assertThat(((Number) frame.get("width")).doubleValue()).isGreaterThan(10);
      small.screenshot("timer-flash-reduced-motion-zh-en-1280");
      small.until(Duration.ofSeconds(10), "the frame gone", d -> !read(small).classes().contains("flashing"));
    } finally {
      small.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
  }

  @Test
  @Order(6)
  void blackoutLeavesNothingLit() {
    command("{\"type\":\"stage.blackout\",\"room\":\"main-hall\",\"on\":true}");
    shoot("blackout", b -> read(b).classes().contains("blackout"), (b, shot) -> {
      assertThat(brightest(shot)).as("the brightest channel of any pixel").isZero();
      assertThat(b.text("#screen")).isEmpty();
    });
    command("{\"type\":\"stage.blackout\",\"room\":\"main-hall\",\"on\":false}");
    small.until(SOON, "lit again", d -> read(small).digits().equals("10:00") && !read(small).classes().contains("blackout"));
  }

  @Test
  @Order(7)
  void offlineItKeepsCountingFromTheLastStateAndSaysSinceWhen() {
    clock("08:40", false);
    // Two rounds: each browser in one language, then in the other.
    String[][] rounds = {{"en", "zh-en"}, {"zh-en", "en"}};
    for (int round = 0; round < rounds.length; round++) {
      big.open(timer(rounds[round][0]));
      small.open(timer(rounds[round][1]));
      for (Browser b : new Browser[] {big, small}) {
        b.until(SOON, "the timer, online", d -> read(b).phase("normal")
            && Boolean.TRUE.equals(b.js("return window.podiumLive.status.online")));
      }
      try (Browser.NetworkErrors bigAway = big.expectNetworkErrors("the relay to the hub is cut");
          Browser.NetworkErrors smallAway = small.expectNetworkErrors("the relay to the hub is cut")) {
        proxy.close();
        for (Browser b : new Browser[] {big, small}) {
          String lang = rounds[round][b == big ? 0 : 1];
          b.until(SOON, "the offline mark", d -> b.classes("#connection").contains("offline"));
          assertThat(b.text("#connection")).matches(lang.equals("en") ? "Offline since \\d\\d:\\d\\d"
              : "\\d\\d:\\d\\d 起离线 · Offline since \\d\\d:\\d\\d");
          assertThat(b.js("const mark = document.getElementById('connection').getBoundingClientRect();"
              + " return document.querySelector('#screen .layout-timer').getBoundingClientRect().bottom <= mark.top"))
              .as("the offline mark covers nothing of the timer").isEqualTo(true);
          String before = read(b).digits();
          b.until(SOON, "counting on with no hub", d -> !read(b).digits().equals(before));
          assertCountsTo(read(b), OPENING_ENDS);
          b.js("return document.fonts.ready.then(() => true)");
          String name = "timer-offline-" + lang + "-" + size(b, big);
          b.screenshot(name);
          assertFits(b, name);
          Accessibility.assertNoSeriousViolations(b, name);
        }
        proxy = new CountingProxy(vertx, port, hubPort).start();
        if (round == rounds.length - 1) {
          big.until(BACK_ONLINE, "online again, no mark", d -> big.text("#connection").isEmpty()
              && Boolean.TRUE.equals(big.js("return window.podiumLive.status.online")));
          assertCountsTo(read(big), OPENING_ENDS);
        }
        big.open("about:blank");
        small.open("about:blank");
      }
    }
  }

  @Test
  @Order(8)
  void aRoomWithNothingLeftTodaySaysSo() {
    clock("17:30", true);
    for (Browser b : new Browser[] {big, small}) {
      b.open(TimerPages.url(port, "forum-b", "zh-en"));
      b.until(SOON, "nothing left", d -> b.text("#screen .timer-nothing").contains("Nothing more in this room today"));
      assertThat(b.text("#screen .timer-nothing")).contains("本会场今日日程已全部结束");
      assertThat(b.text("#screen .digits")).isEmpty();
      String name = "timer-day-over-zh-en-" + size(b, big);
      b.screenshot(name);
      assertFits(b, name);
      Accessibility.assertNoSeriousViolations(b, name);
    }
  }

  @Test
  @Order(9)
  void aScreenPairedFromTheConsoleWithTheTimerLayoutShowsIt() {
    clock("08:40", true);
    ConsolePages.createStaff(vertx, hubPort, "stage-manager", "Stage Manager", "screens", "stage-password-1");
    try (Browser console = Browser.start(1366, 768); Browser monitor = Browser.start(1280, 720)) {
      monitor.open(ScreenPages.url(hubPort, ""));
      monitor.until(SOON, "a pairing code", d -> monitor.text(".pair-code").matches("[A-Z0-9]{6}"));
      String code = monitor.text(".pair-code");

      logIn(console, hubPort, "stage-manager", "stage-password-1");
      view(console, "screens");
      click(console, "[data-action='pair']");
      type(console, "input[name='code']", code);
      choose(console, "select[name='room']", ROOM);
      choose(console, "select[name='layout']", "timer");
      choose(console, "select[name='lang']", "en");
      type(console, "input[name='screen-name-en']", "Stage edge");
      console.screenshot("console-pair-timer-1366");
      confirm(console);
      awaitNoDialog(console);
      awaitToast(console, "Screen paired");

      monitor.until(Duration.ofSeconds(15), "the speaker timer", d -> read(monitor).digits().equals("10:00")
          && monitor.text("#screen .timer-info").contains("Opening Ceremony"));
      console.until(SOON, "the fleet says so", d -> console.text("tr[data-screen]").contains("Speaker timer"));
      String screen = String.valueOf(monitor.js("return window.podiumScreen.device.screen"));

      command("{\"type\":\"screen.assign\",\"screen\":\"" + screen + "\",\"layout\":\"room\"}");
      monitor.until(SOON, "the room layout", d -> !monitor.text("#screen .layout-room .now-panel").isEmpty());
      command("{\"type\":\"screen.assign\",\"screen\":\"" + screen + "\",\"layout\":\"timer\"}");
      monitor.until(SOON, "the timer again", d -> read(monitor).digits().equals("10:00"));
      monitor.screenshot("timer-paired-en-1280");
      assertFits(monitor, "paired timer");
    }
  }
}

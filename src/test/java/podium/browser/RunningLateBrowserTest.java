package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.awaitNoDialog;
import static podium.browser.ConsolePages.awaitToast;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.dialog;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.type;
import static podium.browser.ConsolePages.view;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * Running late on the pages, against a real node and PostgreSQL: the opening ceremony started five
 * minutes late (the event clock paused at 08:35, then session.start, as RunningLateTest does) and
 * nothing else, so the hub's stage clock publishes the Main Hall's projection by itself. The phone
 * (390x844, en and zh) and the Main Hall's room screen (1920x1080) show the next sessions "expected
 * … (about 5 min late)" beside their planned times, as the change arrives, and a starred session
 * alerts ten minutes before its projected start; the console (1366x768)
 * shows it on the grid, an announcer without either action, an editor's Dismiss leaves one session
 * out, and Apply as delay opens the usual delay dialog at the projected minutes, its cascade
 * previewed, so that one confirmation delays the sessions and the projection is gone everywhere.
 * Then the speaker timers' controls: a message (typed markup stays text), blackout, flash and timer
 * phases, each a command whose effect shows in the room's stage and on its speaker timer. axe-core
 * on each view; page errors fail the test. No assertion on a time taken: every wait is for behaviour.
 */
@Tag("browser")
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningLateBrowserTest {

  /** The stage clock publishes once a second on a busy machine: generous, and never a measure. */
  private static final Duration LATE = Duration.ofSeconds(30);
  private static final String PASSWORD = "stage-password-1";
  private static final String XSS = ScreenPages.XSS;

  private Vertx vertx;
  private int port;
  private Node node;
  private Api api;
  private Browser phone;
  private Browser wall;
  private Browser console;
  private final List<String> a11y = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "running-late-pages");
    api = new Api(vertx, port);
    ConsolePages.createStaff(vertx, port, "chief", "Chief Steward", "admin", PASSWORD);
    ConsolePages.createStaff(vertx, port, "voice", "Stage Voice", "announcer", PASSWORD);
    // Before the opening, paused: nothing is late yet, and nothing moves behind the test's back.
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("at", "2023-08-16T08:29").put("paused", true));
    phone = Browser.start(390, 844);
    wall = Browser.start(1920, 1080);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(phone, wall, console);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  @Order(1)
  void theOpeningStartedFiveMinutesLateShowsTheMainHallsNextSessionsExpectedLaterOnPhonesAndTheRoomScreen() {
    phone.open(PhonePage.url(port, "&lang=en", "agenda"));
    phone.until(LATE, "the agenda", d -> phone.text("#agenda [data-session='welcome-speech']").contains("Wang Lixia"));
    wall.open(ScreenPages.url(port, "room=main-hall&layout=room"));
    wall.until(LATE, "the Main Hall's screen", d -> wall.text("#screen .layout-room .place").contains("Main Hall"));
    assertThat(phone.js("return document.querySelectorAll('.expected').length")).as("nothing late yet").isEqualTo(0L);

    // The only staff command: the opening starts, five minutes after its time.
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("at", "2023-08-16T08:35").put("paused", true));
    ScreenPages.command(api, new JsonObject().put("type", "session.start").put("session", "opening-ceremony"));

    phone.until(LATE, "the projection on the phone", d -> phone.text("#agenda [data-session='welcome-speech'] .expected")
        .equals("Expected 08:50 (about 5 min late)"));
    assertThat(phone.text("#agenda [data-session='keynote-gan-yong'] .expected")).isEqualTo("Expected 09:10 (about 5 min late)");
    assertThat(phone.text("#agenda [data-session='keynote-wang-haizhou'] .expected")).isEqualTo("Expected 09:40 (about 5 min late)");
    // The tea break absorbs the rest: nothing after it, and no other room, is expected late.
    assertThat(phone.text("#agenda [data-session='industry-report-release']")).doesNotContain("Expected");
    assertThat(phone.js("return [...document.querySelectorAll('#agenda .expected')].map(e => e.closest('[data-session]')"
        + ".dataset.session).sort()")).asList()
        .containsExactly("keynote-gan-yong", "keynote-wang-haizhou", "morning-tea-break", "welcome-speech");
    // The plan stays beside it: its own time, not struck out, and no "Delayed".
    assertThat(phone.text("#agenda [data-session='welcome-speech'] .when .start")).isEqualTo("08:45");
    assertThat(phone.text("#agenda [data-session='welcome-speech']")).doesNotContain("Delayed");
    phone.screenshot("late-phone-agenda-en-390");
    check(phone, "the phone's agenda, running late (en)");
    phone.colorScheme("dark");
    phone.screenshot("late-phone-agenda-en-dark-390");
    check(phone, "the phone's agenda, running late (en, dark)");
    phone.colorScheme("light");

    // The details say it too, and Home's "Up next" for the Main Hall.
    phone.find("#agenda [data-session='welcome-speech'] .title-button").click();
    phone.until(LATE, "the details", d -> phone.text("#agenda [data-session='welcome-speech'] .details .facts")
        .contains("08:45–09:05 · Expected 08:50 (about 5 min late)"));
    phone.find("#agenda [data-session='welcome-speech'] .title-button").click();
    PhonePage.go(phone, "home");
    phone.until(LATE, "up next on Home", d -> phone.text("#now-next .next [data-session='welcome-speech'] .expected")
        .equals("Expected 08:50 (about 5 min late)"));
    phone.screenshot("late-phone-home-en-390");

    phone.find("#lang-toggle").click();
    PhonePage.go(phone, "agenda");
    phone.until(LATE, "the projection in Chinese", d -> phone.text("#agenda [data-session='welcome-speech'] .expected")
        .equals("预计 08:50（约晚 5 分钟）"));
    phone.screenshot("late-phone-agenda-zh-390");
    check(phone, "the phone's agenda, running late (zh)");
    phone.find("#lang-toggle").click();

    // A starred session alerts ten minutes before its projected start, not its own: at 08:35 the
    // welcome speech is 10 minutes off by its own time but 15 by the projection, so no alert yet.
    PhonePage.go(phone, "agenda");
    phone.find("#agenda [data-session='welcome-speech'] .star").click();
    phone.until(LATE, "the star", d -> phone.classes("#agenda [data-session='welcome-speech']").contains("starred"));
    assertThat(phone.classes("#alert")).as("no alert 15 minutes before the projected start").contains("hidden");
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("at", "2023-08-16T08:41").put("paused", true));
    phone.until(LATE, "the starred session's alert", d -> !phone.classes("#alert").contains("hidden"));
    assertThat(phone.text("#alert-text")).matches("(?s).*Speech by Wang Lixia on Behalf of Sun Shaocheng is expected to start in"
        + " [89] min \\(about 5 min late\\), Main Hall.*");
    PhonePage.go(phone, "home");
    phone.until(LATE, "the countdown", d -> phone.text("#countdown .countdown-when").contains("08:45 (expected 08:50)"));
    phone.screenshot("late-phone-alert-en-390");
    phone.find("#alert-close").click();
    PhonePage.go(phone, "agenda");

    // The Main Hall's screen: the next three sessions, each expected 5 minutes late, in both languages.
    wall.until(LATE, "the projection on the room screen", d -> wall.text("#screen [data-session='welcome-speech'] .mark-expected")
        .contains("预计 08:50（约晚 5 分钟）"));
    wall.js("return document.fonts.ready.then(() => true)");
    wall.screenshot("late-screen-room-1920");
    assertThat(wall.text("#screen [data-session='welcome-speech'] .mark-expected")).contains("Expected 08:50 (about 5 min late)");
    // As many of the next sessions as the panel holds (screen-fit.js drops the later ones), each with its projection.
    Map<String, String> expected = Map.of("welcome-speech", "08:50", "keynote-gan-yong", "09:10",
        "keynote-wang-haizhou", "09:40", "morning-tea-break", "10:10");
    @SuppressWarnings("unchecked")
    List<String> shown = (List<String>) wall.js("return [...document.querySelectorAll('#screen .next-panel [data-session]')]"
        + ".map(e => e.dataset.session)");
    assertThat(shown).isNotEmpty().allSatisfy(id -> assertThat(wall.text("#screen [data-session='" + id + "'] .mark-expected"))
        .as(id).contains("Expected " + expected.get(id) + " (about 5 min late)"));
    assertThat(wall.text("#screen .now-panel")).as("the opening, live").contains("Opening Ceremony").doesNotContain("Expected");
    assertThat(wall.text("#screen [data-session='welcome-speech'] .time-range")).contains("08:45");
    ScreenPages.assertFits(wall, "the room screen with the projection");
    check(wall, "the room screen, running late");
    // The foyer's Main Hall cell marks its next session the same way, and everything still fits.
    wall.open(ScreenPages.url(port, "layout=foyer&lang=en-zh"));
    wall.until(LATE, "the foyer's projection", d -> wall.text("#screen [data-room='main-hall'] .mark-expected")
        .contains("Expected 08:50 (about 5 min late)"));
    wall.js("return document.fonts.ready.then(() => true)");
    ScreenPages.assertFits(wall, "the foyer with the projection");
    wall.screenshot("late-screen-foyer-1920");
    check(wall, "the foyer, running late");
    wall.open(ScreenPages.url(port, "room=main-hall&layout=room"));

    // The plan is untouched: it is a projection.
    assertThat(PhonePage.session(api, "welcome-speech").getString("start")).isEqualTo("2023-08-16T00:45:00Z");
    assertNone();
  }

  @Test
  @Order(2)
  void anAnnouncerSeesTheProjectionOnTheGridButNeitherAction() {
    console = Browser.start(1366, 768);
    logIn(console, port, "voice", PASSWORD);
    console.until(LATE, "the projection on the grid", d -> console.text("[data-expected='welcome-speech']")
        .equals("Expected 08:50 · +5 min"));
    assertThat(console.js("return document.querySelectorAll('[data-action=apply-late], [data-action=dismiss-late]').length"))
        .as("an announcer may neither delay nor dismiss").isEqualTo(0L);
    logOut();
  }

  @Test
  @Order(3)
  void dismissLeavesOneSessionOutOfTheProjection() {
    logIn(console, port, "chief", PASSWORD);
    console.until(LATE, "the projection on the grid", d -> console.js(
        "return document.querySelectorAll('[data-late-actions]').length").equals(4L));
    assertThat(console.text("[data-expected='keynote-gan-yong']")).isEqualTo("Expected 09:10 · +5 min");
    assertThat(console.text("[data-expected='morning-tea-break']")).isEqualTo("Expected 10:10 · +5 min");
    console.screenshot("late-console-grid-1366");
    check(console, "the console's grid, running late");

    click(console, "[data-session='welcome-speech']");
    console.until(ConsolePages.SOON, "the panel's projection", d -> console.text("[data-late-panel='welcome-speech']")
        .contains("Expected 08:50 (about 5 min late)"));
    console.screenshot("late-console-panel-1366");
    check(console, "the session panel, running late");
    // The keyboard's way to the same two actions: the command palette, for the chosen session.
    console.find("body").sendKeys("/");
    dialog(console).findElement(By.cssSelector("input[role='combobox']")).sendKeys("projection");
    console.until(LATE, "the palette's running-late actions", d -> console.text("#palette-list")
        .contains("Apply the projection as a delay (+5 min)") && console.text("#palette-list").contains("Dismiss the projection"));
    dialog(console).findElement(By.cssSelector("input[role='combobox']")).sendKeys(Keys.ESCAPE);
    awaitNoDialog(console);

    press("[data-late-actions='morning-tea-break'] [data-action='dismiss-late']");
    awaitToast(console, "left out of the projection");
    console.until(LATE, "the tea break out of the projection", d -> console.text("[data-expected='morning-tea-break']").isEmpty());
    assertThat(console.text("[data-expected='keynote-wang-haizhou']")).as("the others stay").isEqualTo("Expected 09:40 · +5 min");
    phone.until(LATE, "the tea break out of the phone's projection",
        d -> phone.text("#agenda [data-session='morning-tea-break'] .expected").isEmpty());
    assertThat(phone.text("#agenda [data-session='keynote-wang-haizhou'] .expected")).isEqualTo("Expected 09:40 (about 5 min late)");
    JsonObject stage = mainHallStage();
    assertThat(stage.getJsonArray("dismissed")).containsExactly("morning-tea-break");
    assertNone();
  }

  @Test
  @Order(4)
  void applyAsDelayPreviewsTheCascadeAndOneConfirmationDelaysTheSessionsAndEndsTheProjection() {
    long before = api.snapshot().getLong("version");
    press("[data-late-actions='welcome-speech'] [data-action='apply-late']");
    dialog(console);
    assertThat(console.js("return document.querySelector('dialog[open] [data-field=minutes]').value")).isEqualTo("5");
    assertThat(console.js("return document.querySelector('dialog[open] [data-field=cascade]').checked")).isEqualTo(true);
    console.until(ConsolePages.SOON, "the cascade preview", d -> console.js(
        "return document.querySelectorAll('dialog[open] [data-moves]').length").equals(4L));
    assertThat(console.text("[data-moves='welcome-speech']")).contains("08:45–09:05").contains("08:50–09:10");
    assertThat(console.text("[data-moves='keynote-gan-yong']")).contains("09:10–09:40");
    assertThat(console.text("[data-moves='keynote-wang-haizhou']")).contains("09:40–10:10");
    assertThat(console.text("[data-moves='morning-tea-break']")).contains("10:10–10:20");
    assertThat(api.snapshot().getLong("version")).as("a preview changes nothing").isEqualTo(before);
    console.screenshot("late-console-apply-preview-1366");
    check(console, "the delay dialog for a projection");

    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "delayed by 5 min");
    // The hub answered once it committed; its read model has it once the change feed brought it back.
    console.until(LATE, "the delay in the hub's state", d -> PhonePage.session(api, "welcome-speech").getInteger("delayMinutes") == 5);
    assertThat(PhonePage.session(api, "keynote-wang-haizhou").getString("start")).isEqualTo("2023-08-16T01:40:00Z");

    // The room now runs to its (new) times: the stage clock takes the projection down everywhere.
    console.until(LATE, "the projection gone from the grid", d -> console.js(
        "return document.querySelectorAll('[data-expected], [data-late-actions]').length").equals(0L));
    assertThat(console.text("[data-session='welcome-speech']")).contains("Delayed 5 min");
    phone.until(LATE, "the projection gone from the phone", d -> phone.js(
        "return document.querySelectorAll('.expected').length").equals(0L)
        && phone.text("#agenda [data-session='welcome-speech'] .when .start").equals("08:50"));
    wall.until(LATE, "the projection gone from the room screen", d -> wall.js(
        "return document.querySelectorAll('#screen .mark-expected').length").equals(0L)
        && wall.text("#screen [data-session='welcome-speech']").contains("08:50"));
    assertThat(mainHallStage().getJsonArray("expected", new JsonArray())).isEmpty();
    console.screenshot("late-console-applied-1366");
    phone.screenshot("late-phone-applied-390");
    assertNone();
  }

  @Test
  @Order(5)
  void theSpeakerTimersControlsChangeTheRoomsStage() {
    // The Main Hall's speaker timer, at the stage's edge, shows what the console sends it.
    wall.open(ScreenPages.url(port, "room=main-hall&layout=timer&lang=en-zh"));
    wall.until(LATE, "the speaker timer", d -> !wall.driver.findElements(By.cssSelector("#screen .layout-timer")).isEmpty());
    view(console, "notices");
    console.until(ConsolePages.SOON, "the speaker timers", d -> console.text("[data-stage-room='main-hall']").contains("Main Hall"));
    assertThat(console.text("[data-stage-message='main-hall']")).contains("No message");

    click(console, "[data-stage-room='main-hall'] [data-action='stage-message']");
    dialog(console).findElement(By.cssSelector("[data-action='wrap-up']")).click();
    assertThat(console.js("return document.querySelector('dialog[open] input[name=message-zh]').value")).isEqualTo("请准备结束");
    type(console, "input[name='message-en']", "Please wrap up " + XSS);
    console.screenshot("late-console-message-1366");
    check(console, "the message dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Message shown in Main Hall");
    console.until(LATE, "the message shown", d -> console.text("[data-stage-message='main-hall']")
        .contains("Please wrap up " + XSS) && console.text("[data-stage-message='main-hall']").contains("请准备结束"));
    assertThat(console.js("return window.__xss === undefined && !document.querySelector('.stage-room img')")).isEqualTo(true);
    assertThat(mainHallStage().getJsonObject("message").getString("en")).isEqualTo("Please wrap up " + XSS);
    wall.until(LATE, "the message on the speaker timer", d -> wall.text("#screen .timer-message").contains("Please wrap up " + XSS)
        && wall.text("#screen .timer-message").contains("请准备结束"));
    assertThat(wall.js("return window.__xss === undefined && !document.querySelector('#screen img')")).isEqualTo(true);
    wall.js("return document.fonts.ready.then(() => true)");
    wall.screenshot("late-timer-message-1920");

    click(console, "[data-stage-room='main-hall'] [data-action='stage-blackout']");
    awaitToast(console, "the timers are dark");
    console.until(LATE, "blackout shown", d -> console.text("[data-stage-blackout='main-hall']").contains("BLACKOUT"));
    assertThat(mainHallStage().getBoolean("blackout")).isTrue();
    wall.until(LATE, "the speaker timer dark", d -> wall.classes("#screen .layout-timer").contains("blackout"));
    assertThat(console.text("[data-stage-room='main-hall'] [data-action='stage-blackout']")).isEqualTo("Light up");

    click(console, "[data-stage-room='main-hall'] [data-action='stage-flash']");
    awaitToast(console, "the timers flash");
    console.until(LATE, "the flash in the room's stage", d -> mainHallStage().getString("flashedAt") != null);

    click(console, "[data-stage-room='main-hall'] [data-action='stage-timer']");
    assertThat(console.js("return document.querySelector('dialog[open] select[name=session]').value"))
        .as("the session live in the room").isEqualTo("opening-ceremony");
    type(console, "input[name='warningMinutes']", "8");
    type(console, "input[name='dangerMinutes']", "2");
    check(console, "the timer phases dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Timer phases set");
    console.until(LATE, "the phases shown", d -> console.text("[data-stage-room='main-hall'] .stage-phases")
        .contains("Warning 8 min, danger 2 min"));
    JsonObject timer = PhonePage.session(api, "opening-ceremony").getJsonObject("timer");
    assertThat(timer.getInteger("warningMinutes")).isEqualTo(8);
    assertThat(timer.getInteger("dangerMinutes")).isEqualTo(2);
    console.screenshot("late-console-stage-1366");
    check(console, "the speaker timers' controls");

    click(console, "[data-stage-room='main-hall'] [data-action='stage-blackout']");
    awaitToast(console, "the timers are lit");
    click(console, "[data-stage-room='main-hall'] [data-action='stage-clear']");
    awaitToast(console, "Message cleared");
    console.until(LATE, "the message gone", d -> console.text("[data-stage-message='main-hall']").contains("No message")
        && console.text("[data-stage-blackout='main-hall']").contains("lit"));
    wall.until(LATE, "the speaker timer lit, without the message", d -> !wall.classes("#screen .layout-timer").contains("blackout")
        && wall.text("#screen .timer-message").isEmpty());
    JsonObject stage = mainHallStage();
    assertThat(stage.getBoolean("blackout")).isFalse();
    assertThat(stage.getJsonObject("message", new JsonObject()).getString("en", "")).isEmpty();

    // In Chinese too, nothing overflows its card.
    click(console, "#lang-toggle");
    console.until(ConsolePages.SOON, "the Chinese console", d -> console.text("[data-stage-room='main-hall']").contains("没有提示"));
    console.screenshot("late-console-stage-zh-1366");
    check(console, "the speaker timers' controls (zh)");
    click(console, "#lang-toggle");
    assertNone();
  }

  private JsonObject mainHallStage() {
    return api.snapshot().getJsonArray("rooms").stream().map(JsonObject.class::cast)
        .filter(r -> "main-hall".equals(r.getString("id"))).findFirst().orElseThrow().getJsonObject("stage", new JsonObject());
  }

  /** Clicks a button in the grid once it is scrolled to the middle, clear of the grid's sticky room names. */
  private void press(String css) {
    console.until(ConsolePages.SOON, "a click on " + css, d -> {
      console.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", css);
      d.findElement(By.cssSelector(css)).click();
      return true;
    });
  }

  /** Forgets this browser's login and its cached state, as a fresh laptop would be. */
  private void logOut() {
    console.driver.manage().deleteAllCookies();
    console.js("localStorage.clear()");
    console.open("about:blank");
  }

  private void check(Browser b, String what) {
    List<Accessibility.Violation> found = Accessibility.serious(b);
    if (!found.isEmpty()) {
      a11y.add(Accessibility.describe(what, found));
    }
  }

  private void assertNone() {
    List<String> failures = List.copyOf(a11y);
    a11y.clear();
    assertThat(failures).as("serious or critical axe-core violations").isEmpty();
  }
}

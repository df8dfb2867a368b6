package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.SOON;
import static podium.browser.ConsolePages.awaitAgenda;
import static podium.browser.ConsolePages.awaitNoDialog;
import static podium.browser.ConsolePages.awaitToast;
import static podium.browser.ConsolePages.choose;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.dialog;
import static podium.browser.ConsolePages.getAsAdmin;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.type;
import static podium.browser.ConsolePages.url;
import static podium.browser.ConsolePages.version;
import static podium.browser.ConsolePages.view;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
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
 * The staff console in Chromium at 1366x768, against a real node and PostgreSQL: log in, delay with
 * a previewed cascade (seen on an attendee's phone), a conflict shown and retried, pairing a screen,
 * an emergency notice posted and cleared (each confirmed), a reveal and its undo, a role's limits,
 * the roles and ranges the hub's catalogue serves (GET /api/catalogue) as the console's own,
 * XSS payloads as inert text, axe-core on every view, and the Event view's tables with each button on one line.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ConsoleBrowserTest {

  private static final String PASSWORD = "chief-password-1";
  private static final String XSS = ScreenPages.XSS;
  private static final String AWARD = "individual-accolades";
  /** Run before the console's own scripts: GET /api/catalogue's answer with session.delay's minutes at ±90. */
  private static final String NINETY_MINUTES = "const fetched = window.fetch;"
      + "window.fetch = async (...args) => { const r = await fetched(...args);"
      + "  if (!String(args[0]).endsWith('/api/catalogue')) return r;"
      + "  const c = await r.json();"
      + "  c.commands.find(x => x.type === 'session.delay').ranges.minutes = { min: -90, max: 90 };"
      + "  return new Response(JSON.stringify(c), { status: r.status, headers: r.headers }); };";

  private Vertx vertx;
  private int port;
  private Node node;
  private Api api;
  private Browser console;
  private Browser phone;
  private Browser screen;
  private final List<String> a11y = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "console");
    api = new Api(vertx, port);
    ConsolePages.createStaff(vertx, port, "chief", "Chief Steward", "admin", PASSWORD);
    ConsolePages.createStaff(vertx, port, "voice", "Stage Voice", "announcer", "voice-password-1");
    // The clock stands still: nothing due on it fires behind the tests' backs.
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("paused", true));
    console = Browser.start(1366, 768);
    phone = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(console, phone, screen);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  @Order(1)
  void aDelayIsPreviewedThenConfirmedAndReachesAnAttendeesPhone() {
    console.open(url(port));
    console.until(SOON, "the login form", d -> console.text(".gate-form").contains("Log in"));
    console.screenshot("console-login-1366");
    check(console, "console-login");
    logIn(console, port, "chief", PASSWORD);
    phone.open("http://localhost:" + port + "/");
    phone.until(SOON, "the attendee agenda", d -> phone.text("[data-session='keynote-gan-yong']").contains("Gan Yong"));

    click(console, "[data-session='keynote-gan-yong']");
    console.until(SOON, "the session panel", d -> console.text("[data-panel-session='keynote-gan-yong']").contains("Gan Yong"));
    console.screenshot("console-agenda-selected-1366");
    check(console, "console-agenda-selected");
    long before = api.snapshot().getLong("version");

    click(console, "[data-action='delay-10']");
    dialog(console);
    console.until(SOON, "the cascade preview", d -> console.js("return document.querySelectorAll('[data-moves]').length")
        .equals(3L));
    assertThat(console.text("[data-moves='keynote-gan-yong']")).contains("09:05–09:35").contains("09:15–09:45");
    assertThat(console.text("[data-moves='keynote-wang-haizhou']")).contains("09:45–10:15");
    // The tea break shrinks to 5 minutes and absorbs the rest: nothing after it moves.
    assertThat(console.text("[data-moves='morning-tea-break']")).contains("10:05–10:20").contains("10:15–10:20");
    // The preview is a dry run: nothing has changed yet.
    assertThat(api.snapshot().getLong("version")).isEqualTo(before);
    console.screenshot("console-delay-preview-1366");
    check(console, "console-delay-preview");

    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "delayed by 10 min");
    console.until(SOON, "the delay on the grid", d -> console.text("[data-session='keynote-gan-yong']").contains("Delayed 10 min"));
    assertThat(console.text("[data-session='keynote-gan-yong'] .planned")).isEqualTo("09:05");
    assertThat(api.snapshot().getLong("version")).isEqualTo(before + 1);
    phone.until(SOON, "the delay on the phone", d -> phone.text("[data-session='keynote-gan-yong']").contains("Delayed 10 min")
        && phone.text("[data-session='keynote-gan-yong']").contains("09:15"));
    assertThat(phone.text("[data-session='keynote-wang-haizhou']")).contains("09:45");
    console.screenshot("console-agenda-delayed-1366");
    phone.screenshot("console-delay-on-phone-390");

    ConsolePages.view(console, "log");
    console.until(SOON, "the change in the log", d -> console.text("tr[data-version='" + (before + 1) + "']").contains("chief"));
    assertThat(console.text("tr[data-version='" + (before + 1) + "']")).contains("Delayed").contains("by 10 min");
    console.screenshot("console-log-1366");
    check(console, "console-log");
    view(console, "agenda");
    assertNone();
  }

  @Test
  @Order(2)
  void anEditThatSomeoneElseBeatShowsTheirVersionAndIsRetriedOnIt() {
    click(console, "[data-session='keynote-wang-haizhou']");
    click(console, "[data-panel-session='keynote-wang-haizhou'] [data-action='edit']");
    type(console, "input[name='title-en']", "Keynote by Academician Wang Haizhou (revised)");
    // Meanwhile another staff member renames the same session.
    ScreenPages.command(api, new JsonObject().put("type", "session.update").put("session", "keynote-wang-haizhou")
        .put("title", new JsonObject().put("en", "Keynote: Wang Haizhou").put("zh", "王海舟院士主旨演讲")));
    confirm(console);
    console.until(SOON, "the conflict", d -> console.text("dialog[open] .dialog-error").contains("Someone changed this first"));
    assertThat(console.text("dialog[open] .conflict-current")).contains("Keynote: Wang Haizhou");
    console.screenshot("console-conflict-1366");
    check(console, "console-conflict");
    // The 409 is the point of this test: the browser logs it as a failed request, and only it.
    assertThat(console.takePageErrors()).singleElement().asString().contains("status of 409");

    dialog(console).findElement(By.cssSelector("[data-action='retry-current']")).click();
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "the retried edit", d -> console.text("[data-session='keynote-wang-haizhou']").contains("(revised)"));
    assertThat(api.snapshot().getJsonArray("sessions").stream().map(s -> (JsonObject) s)
        .filter(s -> s.getString("id").equals("keynote-wang-haizhou")).findFirst().orElseThrow()
        .getJsonObject("title").getString("zh")).isEqualTo("王海舟院士主旨演讲");
    assertNone();
  }

  @Test
  @Order(3)
  void aScreenIsPairedFromItsCodeSwitchesToItsRoomAndIsPreviewed() {
    screen = Browser.start(1280, 720);
    screen.open("http://localhost:" + port + "/screen.html");
    screen.until(SOON, "a pairing code", d -> screen.text(".pair-code").matches("[A-Z0-9]{6}"));
    String code = screen.text(".pair-code");

    view(console, "screens");
    click(console, "[data-action='pair']");
    type(console, "input[name='code']", code.toLowerCase());
    choose(console, "select[name='room']", "forum-a");
    choose(console, "select[name='layout']", "room");
    choose(console, "select[name='lang']", "zh-en");
    type(console, "input[name='screen-name-en']", "Forum A door");
    type(console, "input[name='screen-name-zh']", "分论坛A门口");
    console.screenshot("console-pair-1366");
    check(console, "console-pair-dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Screen paired");

    screen.until(Duration.ofSeconds(15), "forum-a's room layout", d -> screen.text("#screen .layout-room .place").contains("分论坛A"));
    console.until(Duration.ofSeconds(20), "the screen in the fleet, online", d -> console.text("tr[data-screen]").contains("Forum A door")
        && console.text("tr[data-screen]").contains("Online"));
    assertThat(console.text("tr[data-screen]")).contains("Sub-forum A").contains("zh-en");
    console.until(SOON, "the live preview", d -> Boolean.TRUE.equals(console.js(
        "const f = document.querySelector('#preview-dock .preview-frame');"
        + " return !!f && f.dataset.src.includes('room=forum-a') && !!f.contentDocument"
        + " && !!f.contentDocument.querySelector('#screen .layout-room .place')")));
    console.js("return document.fonts.ready.then(() => true)");
    console.screenshot("console-screens-1366");
    check(console, "console-screens");

    click(console, "tr[data-screen] [data-action='identify']");
    awaitToast(console, "shows its name");
    screen.until(SOON, "the screen identifies itself", d -> screen.text("#identify").contains("Forum A door"));
    assertNone();
  }

  @Test
  @Order(4)
  void anEmergencyNoticeIsPostedAndClearedEachAfterAnExplicitConfirmation() {
    view(console, "notices");
    check(console, "console-notices");
    click(console, "[data-action='post-emergency']");
    type(console, "textarea[name='emergency-en']", "Please leave by the nearest exit");
    type(console, "textarea[name='emergency-zh']", "请从最近的出口有序离场");
    confirm(console); // "Review…": the first step only
    console.until(SOON, "the confirmation step", d -> !d.findElements(By.cssSelector("dialog[open] [data-field='confirm-word']")).isEmpty());
    assertThat(api.snapshot().getValue("notice")).isNull();
    // Enter never confirms an emergency, even with the word typed.
    dialog(console).findElement(By.cssSelector("[data-field='confirm-word']")).sendKeys("EMERGENCY", Keys.ENTER);
    assertThat(console.find("dialog[open]").isDisplayed()).isTrue();
    assertThat(api.snapshot().getValue("notice")).isNull();
    console.screenshot("console-emergency-confirm-1366");
    check(console, "console-emergency-confirm");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "Emergency notice posted");
    console.until(SOON, "the banner", d -> console.text("#emergency-banner").contains("nearest exit"));
    assertThat(api.snapshot().getJsonObject("notice")).isNotNull();
    phone.until(SOON, "the notice on the phone", d -> phone.text("#notice").contains("nearest exit"));
    console.screenshot("console-emergency-on-1366");

    click(console, "[data-action='clear-emergency']");
    dialog(console);
    // Focus starts on Cancel: a stray Enter cancels, it never clears.
    assertThat(console.js("return document.activeElement.dataset.action")).isEqualTo("cancel");
    console.screenshot("console-emergency-clear-1366");
    check(console, "console-emergency-clear");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "the banner gone", d -> console.text("#emergency-banner").isEmpty());
    assertThat(api.snapshot().getValue("notice")).isNull();
    phone.until(SOON, "the notice gone from the phone",
        d -> phone.text("#notice-text").isEmpty() && phone.classes("#notice").contains("hidden"));
    assertNone();
  }

  @Test
  @Order(5)
  void aRevealIsSentOnceHoweverOftenItIsClickedAndCanBeUndone() {
    view(console, "awards");
    String card = "[data-award='" + AWARD + "'] ";
    console.until(SOON, "the embargoed results", d -> console.text(card + "tr[data-rank='3']").contains("Embargoed"));
    console.screenshot("console-awards-1366");
    check(console, "console-awards");
    long before = api.snapshot().getLong("version");

    click(console, card + "tr[data-rank='3'] [data-action='reveal-rank']");
    dialog(console);
    assertThat(console.text("dialog[open] .reveal-list")).contains("3rd place").contains("Laureate C");
    check(console, "console-reveal-dialog");
    // A double click: the second finds the command in flight and sends nothing.
    console.js("const b = document.querySelector('dialog[open] [data-action=confirm]'); b.click(); b.click();");
    awaitNoDialog(console);
    console.until(SOON, "3rd place revealed", d -> console.classes(card + "tr[data-rank='3']").contains("revealed"));
    assertThat(kinds(before)).containsExactly("award.revealed");
    assertThat(publicResults()).extracting(r -> r.getInteger("rank")).containsExactly(3);
    console.screenshot("console-award-revealed-1366");

    click(console, card + "tr[data-rank='3'] [data-action='unreveal-rank']");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "3rd place embargoed again", d -> console.classes(card + "tr[data-rank='3']").contains("embargoed"));
    assertThat(publicResults()).isEmpty();

    // The whole category at once, then taken back by "Undo my last change" (change.undo).
    click(console, card + "[data-action='reveal-all']");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "every rank revealed", d -> console.js("return document.querySelectorAll(arguments[0]).length",
        card + "tr.revealed").equals(3L));
    assertThat(publicResults()).hasSize(3);
    click(console, "#undo");
    assertThat(console.text("dialog[open] .undo-what")).contains("Revealed").contains("Individual Accolades");
    check(console, "console-undo-dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "undone");
    console.until(SOON, "the reveal undone", d -> console.js("return document.querySelectorAll(arguments[0]).length",
        card + "tr.embargoed").equals(3L));
    assertThat(publicResults()).isEmpty();
    assertThat(kinds(before)).containsExactly("award.revealed", "award.withdrawn", "award.revealed", "change.undone");

    // A tie entered ahead of time: two nominees at 1st place, embargoed.
    String other = "[data-award='leading-enterprises'] ";
    click(console, other + "[data-action='edit-results']");
    dialog(console);
    console.js("const rows = document.querySelectorAll('dialog[open] .result-row:not(.result-head) input');"
        + " rows[1].value = '1'; rows[2].value = '2';");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "the tie", d -> console.text(other + "tr[data-rank='1']").contains("Enterprise A")
        && console.text(other + "tr[data-rank='1']").contains("Enterprise B") && console.text(other + "tr[data-rank='1']").contains("tie"));
    assertThat(console.text(other + "tr[data-rank='2']")).contains("Enterprise C").contains("Embargoed");
    assertThat(api.snapshot().encode()).doesNotContain("demo-enterprise-b\",\"revealedAt");
    assertNone();
  }

  @Test
  @Order(6)
  void anAnnouncerSeesOnlyWhatTheRoleMayDoAndNoEmbargoedResult() {
    try (Browser voice = Browser.start(1366, 768)) {
      logIn(voice, port, "voice", "voice-password-1");
      assertThat(voice.driver.findElements(By.cssSelector("[data-view='accounts']"))).isEmpty();
      click(voice, "[data-session='awards-ceremony']");
      voice.until(SOON, "the panel", d -> voice.text("[data-panel-session='awards-ceremony']").contains("Awards"));
      assertThat(voice.driver.findElements(By.cssSelector("[data-action^='delay'], [data-action='cancel']"))).isEmpty();
      assertThat(voice.driver.findElements(By.cssSelector("[data-action='on-stage']"))).hasSize(1);
      assertThat(voice.find("#clock .clock-set").isDisplayed()).isFalse();
      ConsolePages.view(voice, "awards");
      assertThat(voice.text(".awards-view .note")).contains("embargoed");
      assertThat(voice.driver.findElements(By.cssSelector("[data-action='reveal-rank'], [data-action='edit-results']"))).isEmpty();
      String state = String.valueOf(voice.js("return JSON.stringify(window.podiumLive.state)"));
      assertThat(state).doesNotContain("\"revealedAt\":null").doesNotContain("demo-laureate-b\",\"revealedAt");
      voice.screenshot("console-announcer-awards-1366");
      check(voice, "console-announcer-awards");
    }
    assertNone();
  }

  @Test
  @Order(7)
  void theConsoleTakesItsRolesAndRangesFromTheHubsCatalogue() {
    JsonObject catalogue = getAsAdmin(vertx, port, "/api/catalogue");
    JsonObject minutes = command(catalogue, "session.delay").getJsonObject("ranges").getJsonObject("minutes");
    view(console, "agenda");
    click(console, "[data-session='keynote-gan-yong']");
    click(console, "[data-panel-session='keynote-gan-yong'] [data-action='delay-custom']");
    dialog(console);
    assertThat(console.find("dialog[open] input[name='minutes']").getAttribute("min")).isEqualTo(minutes.getValue("min").toString());
    assertThat(console.find("dialog[open] input[name='minutes']").getAttribute("max")).isEqualTo(minutes.getValue("max").toString());
    assertThat(console.text("dialog[open] .hint")).contains("to " + minutes.getValue("max") + ",");
    console.find("dialog[open]").sendKeys(Keys.ESCAPE);
    awaitNoDialog(console);
    view(console, "accounts");
    click(console, "[data-action='add-staff']");
    dialog(console);
    assertThat(console.js("return [...document.querySelectorAll('dialog[open] select[name=role] option')].map(o => o.value)"))
        .as("the roles an account may have").isEqualTo(catalogue.getJsonArray("roles").getList());
    console.find("dialog[open]").sendKeys(Keys.ESCAPE);
    awaitNoDialog(console);
    view(console, "agenda");

    // An editor's console, told by its hub (the catalogue's answer, narrowed on its way in) that a
    // delay is at most 90 minutes either way: bounds, hint and check follow the hub, not the page.
    ConsolePages.createStaff(vertx, port, "desk", "Agenda Desk", "editor", "desk-password-1");
    try (Browser desk = Browser.start(1366, 768)) {
      desk.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NINETY_MINUTES));
      logIn(desk, port, "desk", "desk-password-1");
      // Every command the catalogue gives to admins alone is hidden; every editor command is offered.
      for (Object c : catalogue.getJsonArray("commands")) {
        JsonObject cmd = (JsonObject) c;
        Object role = cmd.getValue("role");
        assertThat(desk.js("return window.podiumConsole.may(arguments[0])", cmd.getString("type")))
            .as("may an editor send %s (role %s)?", cmd.getString("type"), role)
            .isEqualTo(role == null || "editor".equals(role));
      }
      assertThat(commandsOf(catalogue, "admin")).contains("clock.set", "event.update");
      assertThat(desk.find("#clock .clock-set").isDisplayed()).as("the clock's controls (clock.set)").isFalse();
      assertThat(console.find("#clock .clock-set").isDisplayed()).as("the admin's clock controls").isTrue();
      view(desk, "event");
      assertThat(desk.driver.findElements(By.cssSelector("[data-action='edit-event']"))).as("event.update").isEmpty();
      assertThat(desk.driver.findElements(By.cssSelector("[data-action='add-room']"))).as("room.add").hasSize(1);
      view(desk, "agenda");

      click(desk, "[data-session='keynote-gan-yong']");
      click(desk, "[data-panel-session='keynote-gan-yong'] [data-action='delay-custom']");
      dialog(desk);
      assertThat(desk.find("dialog[open] input[name='minutes']").getAttribute("max")).isEqualTo("90");
      assertThat(desk.find("dialog[open] input[name='minutes']").getAttribute("min")).isEqualTo("-90");
      assertThat(desk.text("dialog[open] .hint")).isEqualTo("Whole minutes from −90 to 90, not 0 (negative: earlier).");
      // 120 is within the hub's own range, but this console was told 90: it asks for no preview.
      type(desk, "input[name='minutes']", "120");
      desk.until(SOON, "the range's hint as the error", d -> desk.text("[data-preview='delay'] .error-text").contains("−90 to 90"));
      assertThat(dialog(desk).findElement(By.cssSelector("[data-action=confirm]")).isEnabled()).isFalse();
      desk.screenshot("console-delay-range-en-1366");
      check(desk, "console-delay-range-en");
      desk.find("dialog[open]").sendKeys(Keys.ESCAPE);
      awaitNoDialog(desk);
      delayInACue(desk, "en");
      click(desk, "#lang-toggle");
      desk.until(SOON, "the Chinese console", d -> desk.text("[data-view='agenda']").equals("日程"));
      click(desk, "[data-panel-session='keynote-gan-yong'] [data-action='delay-custom']");
      dialog(desk);
      assertThat(desk.text("dialog[open] .hint")).isEqualTo("−90 到 90 之间的整数，不能为 0（负数为提前）。");
      desk.screenshot("console-delay-range-zh-1366");
      check(desk, "console-delay-range-zh");
      desk.find("dialog[open]").sendKeys(Keys.ESCAPE);
      awaitNoDialog(desk);
      delayInACue(desk, "zh");
    }
    assertNone();
  }

  @Test
  @Order(8)
  void everyViewPassesAxeInBothLanguages() {
    for (String lang : new String[] {"en", "zh"}) {
      if (lang.equals("zh")) {
        click(console, "#lang-toggle");
        console.until(SOON, "the Chinese console", d -> console.text("[data-view='agenda']").equals("日程"));
      }
      for (String v : new String[] {"agenda", "cues", "notices", "awards", "screens", "deliveries", "event", "accounts", "log"}) {
        view(console, v);
        console.screenshot("console-" + v + "-" + lang + "-1366");
        check(console, "console-" + v + "-" + lang);
      }
    }
    click(console, "#lang-toggle");
    console.until(SOON, "the English console", d -> console.text("[data-view='agenda']").equals("Agenda"));
    view(console, "agenda");
    console.find("body").sendKeys("/");
    dialog(console).findElement(By.cssSelector("input[role='combobox']")).sendKeys("tea");
    console.until(SOON, "the palette finds the tea break", d -> console.text("#palette-list").contains("Tea Break"));
    console.screenshot("console-palette-1366");
    check(console, "console-palette");
    dialog(console).findElement(By.cssSelector("input[role='combobox']")).sendKeys(Keys.ENTER);
    awaitNoDialog(console);
    console.until(SOON, "the tea break chosen", d -> console.text(".session-side").contains("Tea Break"));
    // 1 delays the chosen session by 5 minutes: the dialog opens on its preview.
    console.find("body").sendKeys("1");
    console.until(SOON, "the delay preview by key", d -> console.text("dialog[open]").contains("Delay by 5 min")
        && ((Number) console.js("return document.querySelectorAll('[data-moves]').length")).intValue() > 0);
    console.find("dialog[open]").sendKeys(Keys.ESCAPE);
    awaitNoDialog(console);

    // A cue fired by hand: its announcement goes out, once.
    ScreenPages.command(api, new JsonObject().put("type", "cue.save").put("cue", "doors-open")
        .put("name", new JsonObject().put("en", "Doors open").put("zh", "入场")).put("at", "2023-08-16T12:00")
        .put("commands", new JsonArray().add(new JsonObject().put("type", "announcement.post").put("announcement", "doors")
            .put("text", new JsonObject().put("en", "Doors are open").put("zh", "现在入场")))));
    view(console, "cues");
    click(console, "[data-cue='doors-open'] [data-action='fire-cue']");
    assertThat(console.text("dialog[open] .cue-commands")).contains("Announce “Doors are open”");
    check(console, "console-fire-cue-dialog");
    confirm(console);
    awaitNoDialog(console);
    awaitToast(console, "fired");
    console.until(SOON, "the cue fired", d -> console.classes("[data-cue='doors-open']").contains("fired"));
    assertThat(cue("doors-open").getValue("firedAt")).isNotNull();
    assertThat(api.snapshot().getJsonArray("announcements").encode()).contains("Doors are open");
    console.screenshot("console-cues-1366");

    // The admin's clock controls: jump back to 08:10 and set ten times faster, still paused.
    click(console, "#clock [data-action='clock']");
    dialog(console);
    console.js("const at = document.querySelector('dialog[open] input[name=at]'); at.value = '2023-08-16T08:10';"
        + " at.dispatchEvent(new Event('input'));");
    choose(console, "select[name='speed']", "10");
    check(console, "console-clock-dialog");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "the clock at 08:10, paused", d -> console.text("#clock .clock-mode").contains("PAUSED")
        && console.text("#clock .clock-time").startsWith("08:10"));
    JsonObject clock = api.snapshot().getJsonObject("event").getJsonObject("clock");
    assertThat(clock.getDouble("speed")).isEqualTo(10.0);
    assertThat(clock.getBoolean("paused")).isTrue();
    assertNone();
  }

  @Test
  @Order(9)
  void whatStaffTypeStaysInertTextInEveryView() {
    long first = ScreenPages.command(api, new JsonObject().put("type", "session.update").put("session", "keynote-gan-yong")
        .put("title", bi(XSS + " title")).put("description", bi(XSS + " description")));
    ScreenPages.command(api, new JsonObject().put("type", "session.cancel").put("session", "academic-conference-break")
        .put("reason", bi(XSS + " reason")));
    ScreenPages.command(api, new JsonObject().put("type", "speaker.update").put("speaker", "gan-yong")
        .put("name", bi(XSS + " name")).put("title", bi(XSS + " role")).put("affiliation", bi(XSS + " affiliation")));
    ScreenPages.command(api, new JsonObject().put("type", "speaker.on_stage").put("session", "keynote-gan-yong")
        .put("speaker", "gan-yong"));
    ScreenPages.command(api, new JsonObject().put("type", "room.update").put("room", "forum-b").put("name", bi(XSS + " room")));
    ScreenPages.command(api, new JsonObject().put("type", "award.update").put("award", "leading-enterprises")
        .put("name", bi(XSS + " award")));
    ScreenPages.command(api, new JsonObject().put("type", "award.nominee").put("award", "leading-enterprises")
        .put("nominee", "demo-enterprise-a").put("name", bi(XSS + " nominee")));
    ScreenPages.command(api, new JsonObject().put("type", "event.update").put("title", bi(XSS + " event"))
        .put("venue", bi(XSS + " venue")));
    JsonArray fleet = getAsAdmin(vertx, port, "/api/events/" + TestNode.SLUG + "/screens").getJsonArray("screens");
    ScreenPages.command(api, new JsonObject().put("type", "screen.assign").put("screen", fleet.getJsonObject(0).getString("screen"))
        .put("name", bi(XSS + " screen")));
    ConsolePages.createStaff(vertx, port, "mallory", XSS + " staff", "editor", "mallory-password-1");
    long last = ScreenPages.command(api, new JsonObject().put("type", "notice.emergency").put("text", bi(XSS + " notice")));
    assertThat(last).isGreaterThan(first);

    // One typed through the console itself.
    view(console, "notices");
    click(console, "[data-action='post-announcement']");
    type(console, "input[name='text-en']", XSS + " announcement");
    confirm(console);
    awaitNoDialog(console);
    console.until(SOON, "the announcement", d -> console.text(".announcement-list").contains(XSS + " announcement"));

    String[][] views = {
        {"agenda", "title"}, {"notices", "notice"}, {"awards", "award"}, {"screens", "screen"}, {"event", "venue"},
        {"accounts", "staff"}, {"log", "announcement"}};
    view(console, "agenda");
    click(console, "[data-session='keynote-gan-yong']");
    for (String[] v : views) {
      view(console, v[0]);
      console.until(SOON, "the payload as text on " + v[0], d -> String.valueOf(console.js("return document.body.innerText"))
          .contains(XSS + " " + v[1]));
      assertInert(console, v[0]);
    }
    view(console, "agenda");
    String page = String.valueOf(console.js("return document.body.innerText"));
    assertThat(page).contains(XSS + " title").contains(XSS + " name").contains(XSS + " room").contains(XSS + " reason")
        .contains(XSS + " event").contains(XSS + " notice");
    assertThat(console.text(".session-side")).contains(XSS + " description").contains(XSS + " role");
    console.screenshot("console-xss-agenda-1366");
    click(console, "#palette-open");
    dialog(console).findElement(By.cssSelector("input[role='combobox']")).sendKeys("img");
    console.until(SOON, "the payload in the palette", d -> console.text("#palette-list").contains(XSS));
    assertInert(console, "palette");
    console.find("dialog[open]").sendKeys(Keys.ESCAPE);
    ScreenPages.command(api, new JsonObject().put("type", "notice.clear"));
  }

  @Test
  @Order(10)
  @SuppressWarnings("unchecked")
  void theEventViewsTablesKeepEveryButtonOnOneLineInBothLanguages() {
    int speakers = api.snapshot().getJsonArray("speakers").size();
    for (String lang : new String[] {"en", "zh"}) {
      if (lang.equals("zh")) {
        click(console, "#lang-toggle");
        console.until(SOON, "the Chinese console", d -> console.text("[data-view='agenda']").equals("日程"));
      }
      view(console, "event");
      console.until(SOON, "the speakers table", d -> console.js("return document.querySelectorAll('tr[data-speaker]').length")
          .equals((long) speakers));
      // The lines a button's text takes: one rectangle per line box it lays out in.
      List<Map<String, Object>> buttons = (List<Map<String, Object>>) console.js(
          "return [...document.querySelectorAll('.data-table button')].map(b => {"
          + " const r = document.createRange(); r.selectNodeContents(b);"
          + " const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));"
          + " return { key: b.dataset.key, text: b.textContent, lines: tops.size }; })");
      console.js("document.querySelector('[data-scroll=speakers]').scrollIntoView()");
      console.screenshot("console-event-tables-" + lang + "-1366");
      assertThat(buttons).as("an Edit button per room and speaker").hasSizeGreaterThan(speakers);
      assertThat(buttons).as("buttons on more than one line in the event view's tables (%s)", lang)
          .filteredOn(b -> !Long.valueOf(1).equals(b.get("lines"))).isEmpty();
      check(console, "console-event-tables-" + lang);
    }
    click(console, "#lang-toggle");
    console.until(SOON, "the English console", d -> console.text("[data-view='agenda']").equals("Agenda"));
    assertNone();
  }

  private static void assertInert(Browser b, String where) {
    assertThat(b.js("return window.__xss === undefined")).as(where + ": no handler ran").isEqualTo(true);
    assertThat(b.js("return document.querySelectorAll('img').length")).as(where + ": no element from the payload").isEqualTo(0L);
  }

  /** A delay picked for a cue (Run of show) takes the same range: the catalogue's, as this console was told. */
  private void delayInACue(Browser b, String lang) {
    view(b, "cues");
    click(b, "[data-action='add-cue']");
    dialog(b);
    choose(b, "select[name='cmd-type']", "session.delay");
    assertThat(b.find("dialog[open] input[name='cmd-minutes']").getAttribute("max")).isEqualTo("90");
    assertThat(b.find("dialog[open] input[name='cmd-minutes']").getAttribute("min")).isEqualTo("-90");
    type(b, "input[name='cmd-minutes']", "91");
    click(b, "dialog[open] [data-action='add-command']");
    b.until(SOON, "the range's hint as the error", d -> b.text("dialog[open] .command-picker .error-text").contains("90"));
    b.js("document.querySelector('dialog[open] .command-picker').scrollIntoView()");
    b.screenshot("console-cue-delay-range-" + lang + "-1366");
    check(b, "console-cue-delay-range-" + lang);
    b.find("dialog[open]").sendKeys(Keys.ESCAPE);
    awaitNoDialog(b);
    view(b, "agenda");
  }

  private static JsonObject command(JsonObject catalogue, String type) {
    return catalogue.getJsonArray("commands").stream().map(c -> (JsonObject) c)
        .filter(c -> c.getString("type").equals(type)).findFirst().orElseThrow();
  }

  private static List<String> commandsOf(JsonObject catalogue, String role) {
    return catalogue.getJsonArray("commands").stream().map(c -> (JsonObject) c)
        .filter(c -> role.equals(c.getValue("role"))).map(c -> c.getString("type")).toList();
  }

  private static JsonObject bi(String text) {
    return new JsonObject().put("en", text).put("zh", text);
  }

  /** The kinds of the changes after a version, oldest first (the audit log, as the admin token). */
  private List<String> kinds(long after) {
    return getAsAdmin(vertx, port, "/api/events/" + TestNode.SLUG + "/changes?after=" + after).getJsonArray("changes").stream()
        .map(c -> ((JsonObject) c).getString("kind")).toList();
  }

  private JsonObject cue(String id) {
    return getAsAdmin(vertx, port, "/api/staff/events/" + TestNode.SLUG).getJsonArray("cues").stream()
        .map(c -> (JsonObject) c).filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private List<JsonObject> publicResults() {
    HttpResponse<Buffer> r = api.get("/api/events/" + TestNode.SLUG);
    return r.bodyAsJsonObject().getJsonArray("awards").stream().map(a -> (JsonObject) a)
        .filter(a -> a.getString("id").equals(AWARD)).flatMap(a -> a.getJsonArray("results").stream())
        .map(x -> (JsonObject) x).toList();
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

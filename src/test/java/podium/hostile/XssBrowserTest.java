package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import podium.Await;
import podium.TestNode;
import podium.browser.Browser;

/**
 * Script in every text staff can type (event title and venue, session titles, descriptions and
 * reasons, speakers, rooms, announcements, the emergency notice, the crew's stage message, awards,
 * nominees, screen names) on every page in headless Chromium: the attendee agenda, the four screen
 * layouts and every view of the console. None may run (window.__xss stays unset), none may become
 * an element (the payloads' data-xss markers never appear in the DOM), and each shows as the text
 * it is. Browser fails the test on any page error, so a CSP refusal of an injected script fails it too.
 * The attendee page is checked twice: with its state from the socket, and with the state the hub
 * writes into the page itself (?event=, AttendeePage), where p6 tries to end that script block.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class XssBrowserTest {

  static final List<String> PAYLOADS = List.of(
      "<img src=x onerror=\"window.__xss=1\"><b data-xss=1>p0</b>",
      "\"><svg onload=window.__xss=1><b data-xss=1>p1</b>",
      "<script>window.__xss=1</script><b data-xss=1>p2</b>",
      "javascript:window.__xss=1//<b data-xss=1>p3</b>",
      "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe><b data-xss=1>p4</b>",
      "{{constructor.constructor('window.__xss=1')()}}<b data-xss=1>p5</b>",
      "</script><script>window.__xss=1</script><!--<b data-xss=1>p6</b>--></SCRIPT ><b data-xss=1>&amp;</b>");
  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String CHECK = "return {xss: window.__xss === 1, marks: document.querySelectorAll('[data-xss]').length,"
      + " injected: document.querySelectorAll('img[onerror], svg[onload], iframe[srcdoc],"
      + " script:not([src]):not(#first-state[type=\"application/json\"])').length,"
      + " text: document.body.innerText, version: window.podiumLive && typeof window.podiumLive.version === 'number' ? window.podiumLive.version : -1}";

  private HostileHub hub;
  private long planted;
  private final Tally tally = new Tally("xss");

  @BeforeAll
  void plant(Vertx vertx) {
    hub = HostileHub.start(vertx, "xss");
    hub.login(podium.event.Role.ADMIN);
    String slug = TestNode.SLUG;
    List<String> p = PAYLOADS;
    List<JsonObject> commands = List.of(
        cmd("event.update").put("title", p.get(0)).put("venue", p.get(1)),
        cmd("session.update").put("session", "opening-ceremony").put("title", p.get(2)).put("description", p.get(3)),
        cmd("session.update").put("session", "keynote-gan-yong").put("title", new JsonObject().put("en", p.get(4))
            .put("zh", p.get(5))).put("description", p.get(0)),
        cmd("session.start").put("session", "opening-ceremony"),
        cmd("session.cancel").put("session", "matchmaking-meeting-1").put("reason", p.get(1)),
        cmd("speaker.update").put("speaker", "gan-yong").put("name", p.get(2)).put("title", p.get(3))
            .put("affiliation", p.get(4)),
        cmd("speaker.on_stage").put("session", "opening-ceremony").put("speaker", "gan-yong").put("next", "gan-yong"),
        cmd("room.update").put("room", "main-hall").put("name", p.get(5)),
        cmd("session.update").put("session", "welcome-speech").put("title", p.get(6)).put("description", p.get(6)),
        cmd("announcement.post").put("text", p.get(0)),
        cmd("stage.message").put("room", "main-hall").put("text", p.get(1)),
        cmd("award.update").put("award", "individual-accolades").put("name", p.get(1)),
        cmd("award.nominee").put("award", "individual-accolades").put("nominee", "demo-laureate-b").put("name", p.get(2)),
        cmd("award.set_results").put("award", "individual-accolades").put("results",
            new JsonArray().add(new JsonObject().put("rank", 1).put("nominee", "demo-laureate-b"))),
        cmd("award.reveal").put("award", "individual-accolades").put("rank", 1),
        cmd("screen.assign").put("screen", hub.screen).put("name", p.get(3)),
        cmd("notice.emergency").put("text", p.get(4)));
    for (JsonObject c : commands) {
      planted = hub.admin(HttpMethod.POST, "/api/events/" + slug + "/commands", c, 200).getLong("version");
      tally.tried("payload in " + c.getString("type"));
    }
    Await.version("the node's snapshot", hub::version, planted);
  }

  @AfterAll
  void stop() {
    tally.report();
    hub.close();
  }

  private static JsonObject cmd(String type) {
    return new JsonObject().put("type", type);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> check(Browser b, String page, boolean textExpected) {
    b.until(SOON, page + " at version " + planted, d -> ((Number) ((Map<String, Object>) b.js(CHECK)).get("version"))
        .longValue() >= planted);
    if (textExpected) {
      b.until(SOON, page + " shows a payload as text", d -> String.valueOf(((Map<String, Object>) b.js(CHECK)).get("text"))
          .contains("data-xss"));
    } else {
      podium.LiveClient.sleep(1_000);
    }
    Map<String, Object> found = (Map<String, Object>) b.js(CHECK);
    tally.tried("page " + page);
    assertThat(found.get("xss")).as(page + ": window.__xss").isEqualTo(false);
    assertThat(((Number) found.get("marks")).intValue()).as(page + ": payload elements").isZero();
    assertThat(((Number) found.get("injected")).intValue()).as(page + ": injected handlers or inline scripts").isZero();
    return found;
  }

  @Test
  void theAttendeePageShowsEveryPayloadAsText() {
    for (String lang : List.of("en", "zh")) {
      try (Browser b = Browser.start(390, 844)) {
        b.open("http://localhost:" + hub.port() + "/?lang=" + lang);
        check(b, "agenda " + lang, true);
        b.screenshot("xss-agenda-" + lang);
      }
    }
  }

  @Test
  void theAttendeePageWithItsStateInThePageShowsEveryPayloadAsText() {
    for (String lang : List.of("en", "zh")) {
      try (Browser b = Browser.start(390, 844)) {
        b.open("http://localhost:" + hub.port() + "/?event=" + TestNode.SLUG + "&lang=" + lang);
        Map<String, Object> found = check(b, "agenda from the page's state " + lang, true);
        assertThat(b.js("return window.podiumLive.log[0].type")).as("started from the state in the page")
            .isEqualTo("first-state");
        assertThat(b.js("return document.querySelectorAll('script').length")).as("the page's own two, no other")
            .isEqualTo(2L);
        assertThat(String.valueOf(found.get("text"))).as("p6 shown whole, as text").contains(PAYLOADS.get(6));
        b.screenshot("xss-agenda-first-state-" + lang);
      }
    }
  }

  @Test
  void everyScreenLayoutShowsPayloadsAsText() {
    for (String layout : List.of("room", "stage", "foyer", "timer")) {
      try (Browser b = Browser.start(1920, 1080)) {
        b.open("http://localhost:" + hub.port() + "/screen.html?room=main-hall&layout=" + layout + "&lang=en");
        check(b, "screen " + layout, true);
        b.screenshot("xss-screen-" + layout);
      }
    }
  }

  @Test
  void everyViewOfTheConsoleShowsPayloadsAsText() {
    try (Browser b = Browser.start(1366, 900)) {
      b.open("http://localhost:" + hub.port() + "/console.html");
      b.until(SOON, "the login form", d -> !d.findElements(By.name("username")).isEmpty());
      b.find("input[name=username]").sendKeys("admin-login");
      b.find("input[name=password]").sendKeys(HostileHub.PASSWORD, Keys.ENTER);
      check(b, "console", true);
      // Read in one step: the console re-renders its tabs as the state arrives.
      @SuppressWarnings("unchecked")
      List<String> views = (List<String>) b.js(
          "return [...new Set([...document.querySelectorAll('[data-view]')].map(e => e.dataset.view))]");
      assertThat(views).as("the console's views").hasSizeGreaterThan(2);
      for (String view : views) {
        b.until(SOON, "a click on " + view, d -> {
          WebElement tab = d.findElement(By.cssSelector("[data-view='" + view + "']"));
          tab.click();
          return true;
        });
        check(b, "console " + view, false);
        b.screenshot("xss-console-" + view);
      }
    }
  }
}

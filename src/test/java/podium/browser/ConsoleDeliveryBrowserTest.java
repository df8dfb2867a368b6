package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.SOON;
import static podium.browser.ConsolePages.awaitNoDialog;
import static podium.browser.ConsolePages.choose;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.type;
import static podium.browser.ConsolePages.view;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/**
 * The delivery report, live in the console: a change reached by a Chromium screen paired from the
 * console (its own acks) and by a test client paired as a screen; then the test client stops
 * acknowledging and the console names it as lagging by itself, in red, its name (an XSS payload) as
 * text. When the report may name it (3 s after the change) is DeliverySummaryTest's.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ConsoleDeliveryBrowserTest {

  private static final String HELD = "TV held " + ScreenPages.XSS;

  private Vertx vertx;
  private int port;
  private Node node;
  private Api api;
  private Browser console;
  private Browser wall;
  private LiveClient held;
  private final List<String> a11y = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "deliveries");
    api = new Api(vertx, port);
    ConsolePages.createStaff(vertx, port, "chief", "Chief Steward", "admin", "chief-password-1");
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("at", "2023-08-16T09:00").put("paused", true));
    console = Browser.start(1366, 768);
    wall = Browser.start(1280, 720);
  }

  @AfterAll
  void stop() {
    try {
      if (held != null) {
        held.close();
      }
      Browser.closeAll(console, wall);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  void aChangeReachesThePairedScreensAndOneThatStopsAcknowledgingIsNamedLagging() {
    logIn(console, port, "chief", "chief-password-1");
    // A Chromium screen, paired from the console by the code it shows.
    wall.open("http://localhost:" + port + "/screen.html");
    wall.until(SOON, "a pairing code", d -> wall.text(".pair-code").matches("[A-Z0-9]{6}"));
    String code = wall.text(".pair-code");
    view(console, "screens");
    click(console, "[data-action='pair']");
    type(console, "input[name='code']", code);
    choose(console, "select[name='room']", "main-hall");
    choose(console, "select[name='layout']", "room");
    type(console, "input[name='screen-name-en']", "Hall wall");
    confirm(console);
    awaitNoDialog(console);
    wall.until(Duration.ofSeconds(15), "the wall shows its room", d -> wall.text("#screen").contains("Main Hall"));
    // A second screen, a test client that acknowledges only when told to.
    held = pairedScreen("forum-a", HELD);

    view(console, "deliveries");
    long reached = ScreenPages.command(api, new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 5));
    held.awaitVersion(reached, Duration.ofSeconds(10));
    held.ack(reached);
    String row = "tr[data-delivery='" + reached + "']";
    console.until(Duration.ofSeconds(15), "both screens have v" + reached, d -> console.text(row + " [data-reach='screens']").equals("2/2"));
    assertThat(console.text(row)).contains("Delayed").contains("by 5 min");
    console.until(SOON, "nobody lagging on v" + reached, d -> console.classes("[data-lagging-now]").contains("calm")
        && console.text("[data-lagging-now]").contains("Every online screen"));
    click(console, row + " .row-pick");
    console.until(SOON, "v" + reached + " per room", d -> console.text("[data-room-reach='main-hall']").contains("Main Hall")
        && console.text("[data-room-reach='main-hall']").contains("1/1") && console.text("[data-room-reach='forum-a']").contains("1/1"));
    console.screenshot("console-deliveries-reached-1366");
    check("the delivery report");

    // The test screen stops acknowledging: the open console names it, in red, with nothing else done.
    long missed = ScreenPages.command(api, new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 5));
    long madeAt = System.nanoTime();
    held.awaitVersion(missed, Duration.ofSeconds(10));
    console.until(Duration.ofSeconds(30), "the held screen named as lagging", d -> console.text("[data-lagging-now]").contains(HELD));
    System.out.println("[deliveries] the held screen named in the console " + (System.nanoTime() - madeAt) / 1_000_000
        + " ms after the change");
    assertThat(console.classes("[data-lagging-now]")).contains("alarm");
    assertThat(console.text("[data-lagging-now]")).doesNotContain("Hall wall");
    String late = "tr[data-delivery='" + missed + "']";
    console.until(SOON, "the row lagging", d -> console.classes(late).contains("lagging")
        && console.text(late + " .lag-names").contains(HELD) && console.text(late + " [data-reach='screens']").equals("1/2"));
    assertThat(console.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(console.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    console.screenshot("console-deliveries-lagging-1366");
    check("the delivery report with a screen lagging");

    click(console, "#lang-toggle");
    console.until(SOON, "the Chinese report", d -> console.text("[data-lagging-now]").contains("当前落后的屏幕"));
    console.screenshot("console-deliveries-zh-1366");
    check("the delivery report in Chinese");
    click(console, "#lang-toggle");
    console.until(SOON, "the English report", d -> console.text("[data-lagging-now]").contains("Screens lagging now"));
    for (int[] size : new int[][] {{1024, 768}, {820, 1180}}) {
      console.viewport(size[0], size[1], 1);
      console.until(SOON, "the report at " + size[0], d -> console.find("[data-lagging-now]").isDisplayed());
      console.screenshot("console-deliveries-tablet-" + size[0]);
      check("the delivery report at " + size[0]);
      assertThat(console.js("return document.documentElement.scrollWidth <= innerWidth")).as("no sideways scroll at " + size[0]).isEqualTo(true);
    }
    console.viewport(1366, 768, 1);
    assertThat(a11y).as("serious or critical axe-core violations").isEmpty();
  }

  /** A screen paired through the API, subscribed with its device token, acknowledging nothing by itself. */
  private LiveClient pairedScreen(String room, String name) {
    JsonObject made = api.call(HttpMethod.POST, "/api/screens", null).bodyAsJsonObject();
    ScreenPages.command(api, new JsonObject().put("type", "screen.pair").put("code", made.getString("code"))
        .put("room", room).put("layout", "room").put("name", name));
    LiveClient c = LiveClient.connect(vertx, port);
    c.hello(new JsonObject().put("channels", List.of("public", "room:" + room, "screen:" + made.getString("screen")))
        .put("token", made.getString("token")));
    c.awaitType("snapshot");
    c.ack(c.version());
    return c;
  }

  private void check(String what) {
    List<Accessibility.Violation> found = Accessibility.serious(console);
    if (!found.isEmpty()) {
      a11y.add(Accessibility.describe(what, found));
    }
  }
}

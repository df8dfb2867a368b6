package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ConsolePages.SOON;
import static podium.browser.ConsolePages.awaitAgenda;
import static podium.browser.ConsolePages.click;
import static podium.browser.ConsolePages.confirm;
import static podium.browser.ConsolePages.dialog;
import static podium.browser.ConsolePages.getAsAdmin;
import static podium.browser.ConsolePages.logIn;
import static podium.browser.ConsolePages.view;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * A rehearsal made from the console: "Rehearse this event" makes the copy and opens it, the
 * console is marked REHEARSAL (the top bar's colour and the word, 彩排 in Chinese), and its clock
 * is sped to 20× and started from the run of show, while the real event's clock stands still.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ConsoleRehearsalBrowserTest {

  private static final String COPY = TestNode.SLUG + "-rehearsal";

  private Vertx vertx;
  private int port;
  private Node node;
  private Api api;
  private Browser console;
  private final List<String> a11y = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) {
    this.vertx = vertx;
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "rehearsal");
    api = new Api(vertx, port);
    ConsolePages.createStaff(vertx, port, "chief", "Chief Steward", "admin", "chief-password-1");
    ScreenPages.command(api, new JsonObject().put("type", "clock.set").put("at", "2023-08-16T10:00").put("paused", true));
    console = Browser.start(1366, 768);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(console);
    } finally {
      api.close();
      if (node != null) {
        node.stop().await();
      }
    }
  }

  @Test
  void aRehearsalMadeFromTheConsoleIsMarkedAndItsClockRunsAt20x() {
    logIn(console, port, "chief", "chief-password-1");
    assertThat(console.find("#rehearsal-badge").isDisplayed()).isFalse();
    JsonObject realBefore = api.snapshot();
    view(console, "cues");
    click(console, "[data-action='rehearse']");
    assertThat(dialog(console).findElement(By.name("rehearsal-slug")).getAttribute("value")).isEqualTo(COPY);
    console.screenshot("console-rehearse-dialog-1366");
    check("the rehearse dialog");
    confirm(console);

    // The console opens the copy, marked: the word in the top bar and another colour.
    console.until(SOON, "the console on the copy", d -> d.getCurrentUrl().contains("event=" + COPY));
    awaitAgenda(console);
    console.until(SOON, "REHEARSAL in the top bar", d -> console.find("#rehearsal-badge").isDisplayed()
        && console.text("#rehearsal-badge .rehearsal-word").equals("REHEARSAL"));
    assertThat(console.classes("#app")).contains("rehearsal");
    assertThat(console.js("return getComputedStyle(document.querySelector('.topbar')).backgroundImage"))
        .asString().contains("repeating-linear-gradient");
    assertThat(console.js("return document.title")).asString().startsWith("REHEARSAL");
    JsonObject copy = getAsAdmin(vertx, port, "/api/staff/events/" + COPY).getJsonObject("event");
    assertThat(copy.getString("rehearsalOf")).isEqualTo(TestNode.SLUG);
    assertThat(copy.getJsonObject("clock").getBoolean("paused")).isTrue();

    // Its clock: 20× and started, from the run of show.
    view(console, "cues");
    console.until(SOON, "the rehearsal clock", d -> console.text(".rehearsal-bar").contains("paused"));
    console.screenshot("console-rehearsal-paused-1366");
    check("the rehearsal's run of show");
    click(console, "[data-action='clock-speed-20']");
    console.until(SOON, "20x", d -> "true".equals(console.find("[data-action='clock-speed-20']").getAttribute("aria-pressed")));
    click(console, "[data-action='clock-start']");
    console.until(SOON, "the clock running at 20x", d -> console.text(".rehearsal-state").equals("running ×20")
        && console.text("#clock .clock-mode").contains("×20"));
    JsonObject clock = getAsAdmin(vertx, port, "/api/staff/events/" + COPY).getJsonObject("event").getJsonObject("clock");
    assertThat(clock.getDouble("speed")).isEqualTo(20.0);
    assertThat(clock.getBoolean("paused")).isFalse();
    String shown = console.text("#clock .clock-time");
    console.until(SOON, "the rehearsal clock moving", d -> !console.text("#clock .clock-time").equals(shown));
    console.screenshot("console-rehearsal-running-1366");

    // Nothing of it touched the real event.
    JsonObject realAfter = api.snapshot();
    assertThat(realAfter.getLong("version")).isEqualTo(realBefore.getLong("version"));
    assertThat(realAfter.getJsonObject("event").getJsonObject("clock")).isEqualTo(realBefore.getJsonObject("event").getJsonObject("clock"));

    click(console, "#lang-toggle");
    console.until(SOON, "彩排 in the top bar", d -> console.text("#rehearsal-badge .rehearsal-word").equals("彩排"));
    console.until(SOON, "the Chinese rehearsal bar", d -> console.text(".rehearsal-bar").contains("运行中 ×20"));
    console.screenshot("console-rehearsal-zh-1366");
    check("the rehearsal in Chinese");
    click(console, "#lang-toggle");
    console.until(SOON, "English again", d -> console.text("#rehearsal-badge .rehearsal-word").equals("REHEARSAL"));

    // The event switcher lists both; the way back is one click.
    click(console, "#event-switch");
    console.until(SOON, "both events listed", d -> console.text("dialog[open] .event-switch-list").contains(COPY)
        && console.text("dialog[open] [data-event='" + COPY + "']").contains("REHEARSAL"));
    check("the event switcher");
    console.screenshot("console-event-switch-1366");
    click(console, "dialog[open] [data-event='" + TestNode.SLUG + "'] [data-action='open-event']");
    console.until(SOON, "the real event again", d -> d.getCurrentUrl().contains("event=" + TestNode.SLUG)
        && !d.getCurrentUrl().contains(COPY));
    awaitAgenda(console);
    assertThat(console.find("#rehearsal-badge").isDisplayed()).isFalse();
    assertThat(console.classes("#app")).doesNotContain("rehearsal");
    assertThat(a11y).as("serious or critical axe-core violations").isEmpty();
  }

  private void check(String what) {
    List<Accessibility.Violation> found = Accessibility.serious(console);
    if (!found.isEmpty()) {
      a11y.add(Accessibility.describe(what, found));
    }
  }
}

package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ScreenPages.SOON;
import static podium.browser.ScreenPages.awaitText;
import static podium.browser.ScreenPages.command;
import static podium.browser.ScreenPages.url;
import static podium.browser.ScreenPages.visible;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.List;
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
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * axe-core on every page as people see it: the attendee agenda on a phone (390x844) in English and
 * Chinese, light and dark, with every kind of change on it; and each screen layout, the pairing code
 * and the emergency takeover on a 1920x1080 screen. No serious or critical violation anywhere.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class AccessibilityBrowserTest {

  private int port;
  private Node node;
  private Api api;
  private Browser phone;
  private Browser wall;
  private boolean changed;

  @BeforeAll
  void start(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "a11y");
    api = new Api(vertx, port);
    phone = Browser.start(390, 844);
    wall = Browser.start(1920, 1080);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(phone, wall);
    } finally {
      api.close();
      node.stop().await();
    }
  }

  @Test
  @Order(1)
  void theAttendeePageInBothLanguagesLightAndDark() {
    phone.open("http://localhost:" + port + "/index.html?event=" + TestNode.SLUG + "#agenda");
    phone.until(SOON, "the agenda", d -> phone.text("#event-title").startsWith("15th China Baotou"));
    changeEverything();
    phone.until(SOON, "the changes on the page", d -> phone.text("#agenda [data-session='matchmaking-meeting-2'] .moved")
        .length() > 0 && phone.text("#announcements").contains("Lunch"));
    for (String badge : new String[] {"ended", "live", "delayed", "cancelled", "moved"}) {
      assertThat(phone.js("return document.querySelectorAll('#agenda .badge-' + arguments[0]).length", badge))
          .as(badge).isNotEqualTo(0L);
    }
    // The hub's stage clock may publish the Main Hall's running-late projection a moment after these
    // changes (the opening, never started, is expected after the live keynote), re-drawing the list.
    phone.until(SOON, "a click on the star", d -> {
      d.findElement(By.cssSelector("#agenda [data-session='welcome-speech'] .star")).click();
      return true;
    });
    phone.until(SOON, "a starred session", d -> phone.classes("#agenda [data-session='welcome-speech']").contains("starred"));

    List<String> failures = new ArrayList<>();
    for (String lang : new String[] {"en", "zh"}) {
      if (!phone.js("return document.documentElement.lang").equals(lang.equals("zh") ? "zh-CN" : "en")) {
        phone.find("#lang-toggle").click();
        phone.until(SOON, "the page in " + lang, d -> phone.js("return document.documentElement.lang")
            .equals(lang.equals("zh") ? "zh-CN" : "en"));
      }
      for (String scheme : new String[] {"light", "dark"}) {
        phone.colorScheme(scheme);
        assertThat(phone.js("return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(scheme.equals("dark"));
        String name = "a11y-agenda-390-" + lang + "-" + scheme;
        phone.fullPageScreenshot(name);
        check(phone, name, failures);
        if (scheme.equals("light")) {
          phone.js("document.querySelector(\"#agenda [data-session='welcome-speech']\").scrollIntoView()");
          phone.screenshot(name + "-ended");
          phone.js("window.scrollTo(0, 0)");
        }
      }
    }
    assertNone(failures);
  }

  @Test
  @Order(2)
  void everyScreenLayoutAtFullHd() {
    changeEverything();
    command(api, new JsonObject().put("type", "speaker.on_stage").put("session", "keynote-gan-yong")
        .put("speaker", "gan-yong").put("next", "wang-haizhou"));
    String[][] shots = {
        {"room", "room=main-hall&layout=room", "2023-08-16T09:40"},
        {"stage", "room=main-hall&layout=stage", "2023-08-16T09:25"},
        {"foyer", "layout=foyer", "2023-08-16T14:50"},
    };
    List<String> failures = new ArrayList<>();
    for (String[] shot : shots) {
      for (String lang : new String[] {"zh-en", "en-zh"}) {
        wall.open(url(port, shot[1] + "&lang=" + lang + "&at=" + shot[2]));
        wall.until(SOON, shot[0] + " layout", d -> wall.text("#screen .layout-" + shot[0]).length() > 0
            && wall.text("#ticker").contains("Lunch"));
        wall.js("return document.fonts.ready.then(() => true)");
        String name = "a11y-screen-" + shot[0] + "-" + lang + "-1920";
        wall.screenshot(name);
        check(wall, name, failures);
        ScreenPages.assertFits(wall, name);
      }
    }

    wall.open(url(port, "at=2023-08-16T14:10"));
    wall.until(SOON, "a pairing code", d -> wall.text(".pair-code").matches("[A-Z0-9]{6}"));
    wall.screenshot("a11y-screen-pairing-1920");
    check(wall, "a11y-screen-pairing-1920", failures);

    wall.open(url(port, "room=main-hall&layout=room&lang=zh-en&at=2023-08-16T09:40"));
    awaitText(wall, "#screen .now-panel", "干勇");
    command(api, new JsonObject().put("type", "notice.emergency").put("text", new JsonObject()
        .put("zh", "请保持冷静，按照工作人员指引从最近的安全出口有序离场")
        .put("en", "Please stay calm and leave by the nearest exit, following the staff")));
    wall.until(SOON, "the emergency takeover", d -> visible(wall, "#emergency"));
    wall.screenshot("a11y-screen-emergency-1920");
    check(wall, "a11y-screen-emergency-1920", failures);
    command(api, new JsonObject().put("type", "notice.clear"));
    wall.until(SOON, "the notice cleared", d -> !visible(wall, "#emergency"));
    assertNone(failures);
  }

  /**
   * Every kind of mark, once: ended (the welcome speech, by the keynote's start in its room), live,
   * delayed, cancelled, moved, and an announcement. Made while the agenda is open, the changed
   * sessions are highlighted there too.
   */
  private void changeEverything() {
    if (changed) {
      return;
    }
    changed = true;
    command(api, new JsonObject().put("type", "session.start").put("session", "welcome-speech"));
    command(api, new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 15)
        .put("cascade", true));
    command(api, new JsonObject().put("type", "session.start").put("session", "keynote-gan-yong"));
    command(api, new JsonObject().put("type", "session.cancel").put("session", "academic-conference-break")
        .put("reason", "Programme change"));
    command(api, new JsonObject().put("type", "session.move").put("session", "matchmaking-meeting-2").put("room", "main-hall"));
    command(api, new JsonObject().put("type", "announcement.post").put("text", new JsonObject()
        .put("zh", "午餐12:00起在二楼宴会厅供应").put("en", "Lunch is served from 12:00 in the second-floor banquet hall")));
  }

  /** Runs axe on the page and notes its serious and critical violations, so one run reports every page. */
  private static void check(Browser b, String what, List<String> failures) {
    List<Accessibility.Violation> found = Accessibility.serious(b);
    if (!found.isEmpty()) {
      failures.add(Accessibility.describe(what, found));
    }
  }

  private static void assertNone(List<String> failures) {
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
  }
}

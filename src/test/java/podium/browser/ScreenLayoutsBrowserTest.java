package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.ScreenPages.SOON;
import static podium.browser.ScreenPages.XSS;
import static podium.browser.ScreenPages.assertFits;
import static podium.browser.ScreenPages.awaitText;
import static podium.browser.ScreenPages.command;
import static podium.browser.ScreenPages.url;
import static podium.browser.ScreenPages.visible;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
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
 * The room, stage and foyer layouts in both language orders at 1920x1080 and 1280x720: they follow
 * changes, fit the screen, and show staff-typed markup as text.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ScreenLayoutsBrowserTest {

  private int port;
  private Node node;
  private Api api;
  private Browser big;
  private Browser small;

  @BeforeAll
  void start(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "screens-a");
    api = new Api(vertx, port);
    big = Browser.start(1920, 1080);
    small = Browser.start(1280, 720);
  }

  @AfterAll
  void stop() {
    try {
      Browser.closeAll(big, small);
    } finally {
      api.close();
      node.stop().await();
    }
  }

  /** Each layout chosen by URL, with the venue clock set and without: it renders, with no page error on the way. */
  @Test
  @Order(0)
  void everyLayoutChosenByUrlLoadsWithoutAPageError() {
    for (String layout : new String[] {"room=main-hall&layout=room", "room=main-hall&layout=stage", "layout=foyer"}) {
      for (String at : new String[] {"&at=2023-08-16T09:05", ""}) {
        String query = layout + at;
        String kind = layout.replaceAll(".*layout=", "");
        big.open(url(port, query));
        big.until(SOON, query + ": the " + kind + " layout", d -> big.text("#screen .layout-" + kind + " .clock")
            .matches("\\d\\d:\\d\\d"));
        assertThat(big.js("return document.documentElement.lang")).as(query).isEqualTo("zh-CN");
        assertThat(big.takePageErrors()).as(query).isEmpty();
      }
    }
  }

  @Test
  @Order(1)
  void aDelayPostedThroughTheApiAppearsOnTheRoomScreen() {
    big.open(url(port, "room=main-hall&layout=room&lang=en-zh&at=2023-08-16T09:10"));
    awaitText(big, "#screen .place", "Main Hall");
    awaitText(big, "#screen .now-panel", "Keynote Speech by Academician Gan Yong");
    assertThat(big.text("#screen .clock")).isEqualTo("09:10");
    assertThat(big.text("#screen")).doesNotContain("Delayed");

    command(api, new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 15)
        .put("cascade", true));
    big.until(SOON, "the delay on the room screen", d -> big.text("#screen [data-session='keynote-gan-yong'] .mark-delayed")
        .contains("Delayed 15 min, now 09:20"));
    assertThat(big.text("#screen [data-session='keynote-gan-yong'] .mark-delayed")).contains("推迟15分钟，现09:20");
    assertThat(big.text("#screen .now-panel .countdown")).contains("Starts in 10 min");
    assertFits(big, "room en-zh 1920 after the delay");
  }

  @Test
  @Order(2)
  void everyLayoutInBothLanguageOrdersFitsBothScreenSizes() {
    command(api, new JsonObject().put("type", "speaker.on_stage").put("session", "keynote-gan-yong")
        .put("speaker", "gan-yong").put("next", "wang-haizhou"));
    command(api, new JsonObject().put("type", "announcement.post").put("text", new JsonObject()
        .put("zh", "午餐12:00起在二楼宴会厅供应，请凭胸卡入场").put("en", "Lunch is served from 12:00 in the second-floor banquet hall; please bring your badge")));
    command(api, new JsonObject().put("type", "session.cancel").put("session", "academic-conference-break")
        .put("reason", "Programme change"));
    command(api, new JsonObject().put("type", "session.move").put("session", "morning-tea-break").put("room", "forum-a"));

    String[][] shots = {
        {"room", "room=main-hall&layout=room", "2023-08-16T09:40"},
        {"stage", "room=main-hall&layout=stage", "2023-08-16T09:25"},
        {"foyer", "layout=foyer", "2023-08-16T14:50"},
    };
    for (String[] shot : shots) {
      for (String lang : new String[] {"zh-en", "en-zh"}) {
        for (Browser b : new Browser[] {big, small}) {
          b.open(url(port, shot[1] + "&lang=" + lang + "&at=" + shot[2]));
          b.until(SOON, shot[0] + " layout", d -> b.text("#screen .layout-" + shot[0]).length() > 0
              && b.text("#ticker").contains("Lunch"));
          String size = b == big ? "1920" : "1280";
          String name = "screen-" + shot[0] + "-" + lang + "-" + size;
          b.js("return document.fonts.ready.then(() => true)");
          b.screenshot(name);
          assertFits(b, name);
        }
      }
    }
    // What the screenshots show, checked too.
    small.open(url(port, "room=main-hall&layout=stage&lang=zh-en&at=2023-08-16T09:25"));
    awaitText(small, "#screen .now-panel .speaker-name", "干勇");
    assertThat(small.text("#screen .now-panel .label")).contains("正在演讲").contains("Now speaking");
    assertThat(small.text("#screen .now-panel .speaker-affiliation")).contains("中国工程院").contains("Chinese Academy of Engineering");
    assertThat(small.text("#screen .next-panel .speaker-name")).contains("王海舟");

    small.open(url(port, "room=forum-a&layout=room&lang=en&at=2023-08-16T14:50"));
    awaitText(small, "#screen .next-panel [data-session='academic-conference-break'] .mark-cancelled", "Cancelled");
    assertThat(small.text("#screen")).doesNotContain("已取消");

    small.open(url(port, "room=main-hall&layout=room&lang=en-zh&at=2023-08-16T10:10"));
    awaitText(small, "#screen [data-session='morning-tea-break'] .mark-moved", "Moved to Sub-forum A");

    small.open(url(port, "room=main-hall&layout=room&lang=zh-en&at=2023-08-16T18:30"));
    awaitText(small, "#screen .day-over", "Sessions have ended");
    assertThat(small.text("#screen .day-over")).contains("今日日程已全部结束");
    small.screenshot("screen-room-ended-1280");
    assertFits(small, "day over");
  }

  @Test
  @Order(3)
  void markupTypedByStaffShowsAsTextEverywhere() {
    big.open(url(port, "room=main-hall&layout=room&lang=en-zh&at=2023-08-16T09:25"));
    awaitText(big, "#screen .now-panel", "Keynote Speech by Academician Gan Yong");
    command(api, new JsonObject().put("type", "announcement.post").put("announcement", "xss").put("text", XSS));
    command(api, new JsonObject().put("type", "session.update").put("session", "keynote-gan-yong").put("title", XSS));
    command(api, new JsonObject().put("type", "notice.emergency").put("text", XSS));

    big.until(SOON, "the emergency with the payload", d -> visible(big, "#emergency") && big.text("#emergency").contains(XSS));
    assertThat(big.text("#ticker")).contains(XSS);
    assertThat(big.js("return document.querySelector(\"#screen [data-session='keynote-gan-yong'] .title\").textContent"))
        .asString().contains(XSS);
    assertThat(big.js("return window.__xss === undefined")).isEqualTo(true);
    assertThat(big.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    big.screenshot("screen-xss-emergency-1920");

    command(api, new JsonObject().put("type", "notice.clear"));
    command(api, new JsonObject().put("type", "announcement.clear").put("announcement", "xss"));
    big.until(SOON, "the notice cleared", d -> !visible(big, "#emergency"));
    assertThat(big.js("return window.__xss === undefined")).isEqualTo(true);
  }
}

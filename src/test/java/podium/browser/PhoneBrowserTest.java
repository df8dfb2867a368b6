package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.PhonePage.SOON;
import static podium.browser.PhonePage.VIEWS;
import static podium.browser.PhonePage.awaitSessions;
import static podium.browser.PhonePage.go;
import static podium.browser.PhonePage.url;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import podium.Api;
import podium.Node;
import podium.TestNode;

/**
 * The attendee page on a phone (390x844) against a real node and PostgreSQL, in order, as one
 * attendee's day: languages, live changes and their words, stars and their alerts, the notice,
 * announcements and results, staff-typed markup, accessibility in both languages and both colour
 * schemes, 200 % zoom, the time zone note, and "since you were last here".
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class PhoneBrowserTest {

  private static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
  private static final ZoneId VENUE = ZoneId.of("Asia/Shanghai");

  private final Map<String, Long> arrivals = new LinkedHashMap<>();
  private int port;
  private Node node;
  private Api api;
  private Browser phone;
  private int sessions;

  @BeforeAll
  void start(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    port = TestNode.freePort();
    node = TestNode.start(vertx, db, port, "phone");
    api = new Api(vertx, port);
    sessions = api.snapshot().getJsonArray("sessions").size();
    phone = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    arrivals.forEach((what, ms) -> System.out.println("[phone] " + what + " shown " + ms + " ms after the command was sent"));
    try {
      Browser.closeAll(phone);
    } finally {
      api.close();
      node.stop().await();
    }
  }

  @Test
  @Order(0)
  void opensInTheBrowsersLanguageAndShowsWhereTheKeyboardIs() {
    String agent = String.valueOf(phone.js("return navigator.userAgent"));
    phone.driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "zh-CN"));
    try {
      phone.open(url(port, "", null));
      assertThat(phone.js("return navigator.language")).isEqualTo("zh-CN");
      awaitTitle("第十五届中国包头·稀土产业论坛");
    } finally {
      phone.driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "en-US"));
    }
    phone.open(url(port, "", null));
    awaitTitle("15th China Baotou Rare Earth Industry Forum");

    // The first Tab shows the skip link; the next reaches the toggle; each with a visible ring.
    new Actions(phone.driver).sendKeys(Keys.TAB).perform();
    assertThat(phone.js("return document.activeElement.className")).isEqualTo("skip");
    assertThat(((Number) phone.js("return document.activeElement.getBoundingClientRect().top")).doubleValue())
        .as("the skip link comes into view").isGreaterThanOrEqualTo(0);
    new Actions(phone.driver).sendKeys(Keys.TAB).perform();
    assertThat(phone.js("return document.activeElement.id")).isEqualTo("lang-toggle");
    assertThat(phone.js("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth"))
        .isEqualTo("solid 3px");
  }

  @Test
  @Order(1)
  void opensInChineseByUrlAndTheToggleSwitchesEveryText() {
    phone.open(url(port, "&lang=zh", null));
    awaitTitle("第十五届中国包头·稀土产业论坛");
    awaitSessions(phone, sessions);
    assertThat(phone.js("return document.documentElement.lang")).isEqualTo("zh-CN");
    for (String view : VIEWS) {
      go(phone, view);
      assertThat(PhonePage.visibleTexts(phone).stream().filter(s -> LATIN.matcher(s.replaceAll("GMT|\\.ics", "")).find()))
          .as("Latin text in the Chinese %s view", view).isEmpty();
    }

    phone.find("#lang-toggle").click();
    awaitTitle("15th China Baotou Rare Earth Industry Forum");
    assertThat(phone.js("return document.documentElement.lang")).isEqualTo("en");
    assertThat(phone.driver.getCurrentUrl()).as("the URL follows the toggle").contains("lang=en");
    for (String view : VIEWS) {
      go(phone, view);
      assertThat(PhonePage.visibleTexts(phone).stream().filter(s -> CJK.matcher(s).find()))
          .as("Chinese text in the English %s view", view).isEmpty();
    }
    go(phone, "home");
  }

  @Test
  @Order(2)
  void aDelayAMoveAndACancelShowHighlightedAndInWordsWithinASecond() {
    phone.open(url(port, "", "agenda"));
    awaitSessions(phone, sessions);
    PhonePage.measureLayoutShift(phone);
    String delayed = "#agenda [data-session='keynote-gan-yong']";

    change("the delay", delayed + " .delay", "Delayed 15 min", "#change-list .change:first-child", "delayed 15 min, now 09:20",
        new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong").put("minutes", 15).put("cascade", true));
    assertThat(phone.classes(delayed)).contains("changed");
    assertThat(phone.js("return document.querySelector(arguments[0]).tagName", delayed + " .planned")).isEqualTo("S");
    assertThat(phone.text(delayed + " .planned")).isEqualTo("09:05");
    assertThat(phone.text(delayed + " .start")).isEqualTo("09:20");
    assertThat(phone.text("#change-list .change:first-child .change-text"))
        .startsWith("Keynote Speech by Academician Gan Yong delayed 15 min, now 09:20");
    assertThat(phone.text("#unseen")).isEqualTo("1");
    Map<String, Object> shift = PhonePage.layoutShift(phone);
    System.out.println("[phone] layout shift of the delay: " + shift);
    assertThat(((Number) shift.get("total")).doubleValue()).as("a delay moves nothing on the page").isZero();

    String moved = "#agenda [data-session='keynote-wang-haizhou']";
    change("the move", moved + " .moved", "Moved from Main Hall", "#change-list .change:first-child", "moved to Sub-forum A",
        new JsonObject().put("type", "session.move").put("session", "keynote-wang-haizhou").put("room", "forum-a"));
    assertThat(phone.text(moved + " .room")).isEqualTo("Sub-forum A");
    assertThat(phone.text("#change-list .change:first-child .change-text"))
        .isEqualTo("Keynote Speech by Academician Wang Haizhou moved to Sub-forum A (was Main Hall)");

    String cancelled = "#agenda [data-session='academic-conference-break']";
    change("the cancellation", cancelled + " .badge-cancelled", "Cancelled", "#change-list .change:first-child",
        "Tea Break cancelled (Programme change)", new JsonObject().put("type", "session.cancel")
            .put("session", "academic-conference-break").put("reason", "Programme change"));
    assertThat(phone.text(cancelled + " .reason")).isEqualTo("Reason: Programme change");
    assertThat(phone.classes(cancelled)).contains("changed");
    assertThat(phone.text("#unseen")).isEqualTo("3");
    assertThat(phone.text("#unseen-words")).isEqualTo(", 3 new changes");
    System.out.println("[phone] layout shift after delay, move and cancel: " + PhonePage.layoutShift(phone));

    phone.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", delayed);
    phone.screenshot("phone-agenda-en-light-changed");
    // In view for two seconds with the page in front: seen, so no longer highlighted once drawn again.
    phone.until(Duration.ofSeconds(10), "the delayed keynote seen", d -> Boolean.FALSE.equals(phone.js(
        "return JSON.parse(localStorage.getItem('podium.changes.' + arguments[0])).highlight.includes('keynote-gan-yong')",
        TestNode.SLUG)));
    phone.js("window.scrollTo(0, 0)");
    phone.find("#agenda [data-view='room']").click();
    phone.find("#agenda [data-view='time']").click();
    assertThat(phone.classes(delayed)).doesNotContain("changed");
    assertThat(phone.classes(cancelled)).as("the tea break has not been on screen").contains("changed");
    phone.js("window.scrollTo(0, 0)");
  }

  @Test
  @Order(3)
  void whatChangedListsNewestFirstAndClearsItsBadge() {
    go(phone, "changes");
    List<String> texts = texts("#change-list .change-text");
    assertThat(texts).hasSize(3);
    assertThat(texts.get(0)).isEqualTo("Tea Break cancelled (Programme change)");
    assertThat(texts.get(1)).startsWith("Keynote Speech by Academician Wang Haizhou moved");
    assertThat(texts.get(2)).startsWith("Keynote Speech by Academician Gan Yong delayed 15 min");
    assertThat(count("#change-list .change.unseen .new-mark")).isEqualTo(3);
    assertThat(phone.classes("#unseen")).contains("empty");
    phone.screenshot("phone-changes-en-light-new");

    phone.find("#lang-toggle").click();
    phone.until(SOON, "the list in Chinese", d -> phone.text("#change-list .change:first-child .change-text")
        .equals("茶歇已取消（Programme change）"));
    assertThat(texts("#change-list .change-text").get(2)).startsWith("干勇院士主旨演讲推迟15分钟，现09:20开始");
    phone.find("#lang-toggle").click();
    phone.until(SOON, "English again", d -> phone.text("#change-list .change:first-child .change-text").startsWith("Tea Break"));

    go(phone, "home");
    go(phone, "changes");
    assertThat(count("#change-list .new-mark")).as("seen on the last visit").isZero();
  }

  @Test
  @Order(4)
  void aStarredSessionThatIsDelayedRaisesAnAlert() {
    go(phone, "agenda");
    stubVibration();
    String item = "#agenda [data-session='industry-report-release']";
    phone.find(item + " .star").click();
    phone.until(SOON, "the star on", d -> "true".equals(phone.find(item + " .star").getAttribute("aria-pressed")));
    assertThat(phone.js("return document.activeElement.dataset.key")).as("the focus stays on the star")
        .isEqualTo("star:agenda:industry-report-release");
    assertThat(phone.find(item + " .star").getAttribute("aria-label"))
        .isEqualTo("Star: Release of the Annual Report on the Development of the Rare Earth Industry");
    // The first star offers notifications with the page closed (PhonePushBrowserTest); this attendee says not now.
    assertThat(phone.classes("#push-offer")).doesNotContain("hidden");
    phone.find("#push-offer-not-now").click();
    phone.until(SOON, "the offer put away", d -> phone.classes("#push-offer").contains("hidden"));

    long sent = System.currentTimeMillis();
    PhonePage.command(api, new JsonObject().put("type", "session.delay").put("session", "industry-report-release")
        .put("minutes", 10).put("cascade", true));
    phone.until(SOON, "the alert", d -> !phone.classes("#alert").contains("hidden"));
    arrivals.put("the starred-session alert", System.currentTimeMillis() - sent);
    assertThat(phone.text("#alert-text")).contains("Release of the Annual Report on the Development of the Rare Earth"
        + " Industry delayed 10 min, now 10:35");
    phone.until(SOON, "the alert read out", d -> phone.text("#announcer").contains("delayed 10 min, now 10:35"));
    assertThat(phone.js("return window.__vibrations.length")).as("the phone vibrated").isEqualTo(1L);
    phone.screenshot("phone-alert-en-light");

    phone.find("#alert-close").click();
    phone.until(SOON, "the alert gone", d -> phone.classes("#alert").contains("hidden"));
  }

  @Test
  @Order(5)
  void aStarredSessionStartingWithinTenMinutesRaisesAnAlertOnTheEventClock() {
    String item = "#agenda [data-session='awards-ceremony']";
    phone.find(item + " .star").click();
    phone.until(SOON, "the star on", d -> phone.classes(item).contains("starred"));
    String start = PhonePage.session(api, "awards-ceremony").getString("start");
    LocalDateTime before = LocalDateTime.ofInstant(Instant.parse(start), VENUE).minusMinutes(8);
    PhonePage.command(api, new JsonObject().put("type", "clock.set").put("at", before.toString()));

    phone.until(SOON, "the alert", d -> phone.text("#alert-text").contains("Awards Ceremony starts in"));
    assertThat(phone.text("#alert-text")).matches("(?s).*Awards Ceremony starts in [78] min, Main Hall.*");
    phone.until(SOON, "the alert read out", d -> phone.text("#announcer").contains("Awards Ceremony starts in"));
    phone.find("#alert-close").click();

    go(phone, "home");
    assertThat(phone.text("#countdown .countdown-title")).isEqualTo("Awards Ceremony");
    assertThat(phone.text("#countdown .countdown-left")).matches(".*starts in [5-8] min");
    phone.screenshot("phone-home-en-light-countdown");

    go(phone, "starred");
    assertThat(texts("#starred .session .title")).containsExactly(
        "Release of the Annual Report on the Development of the Rare Earth Industry", "Awards Ceremony");
    String feed = "/api/events/" + TestNode.SLUG + "/schedule.ics?sessions=industry-report-release,awards-ceremony";
    assertThat(phone.find("#calendar .calendar-subscribe").getAttribute("href")).isEqualTo("webcal://localhost:" + port + feed);
    assertThat(phone.find("#calendar .calendar-download").getAttribute("href")).isEqualTo("http://localhost:" + port + feed);
    HttpResponse<Buffer> ics = api.get(feed);
    assertThat(ics.statusCode()).as("the feed the links name").isEqualTo(200);
    assertThat(ics.bodyAsString()).contains("Awards Ceremony").contains("Release of the Annual Report")
        .doesNotContain("Opening Ceremony");
  }

  @Test
  @Order(6)
  void homeShowsWhoIsOnStageAnnouncementsTheNoticeAndOnlyRevealedResults() {
    go(phone, "home");
    PhonePage.command(api, new JsonObject().put("type", "session.start").put("session", "awards-ceremony"));
    PhonePage.command(api, new JsonObject().put("type", "speaker.on_stage").put("session", "awards-ceremony")
        .put("speaker", "gan-yong").put("next", "wang-haizhou"));
    String now = "#now-next .now [data-session='awards-ceremony']";
    phone.until(SOON, "who is on stage", d -> phone.text(now + " .on-stage").startsWith("On stage: Gan Yong"));
    assertThat(phone.text(now + " .up-next")).startsWith("Next speaker: Wang Haizhou");
    assertThat(phone.text(now + " .badge-live")).isEqualTo("Live now");

    PhonePage.command(api, new JsonObject().put("type", "announcement.post").put("text", new JsonObject()
        .put("en", "Lunch is served from 12:00 in the second-floor banquet hall").put("zh", "午餐12:00起在二楼宴会厅供应"))
        .put("expiresInMinutes", 120));
    PhonePage.command(api, new JsonObject().put("type", "announcement.post").put("text", "Registration closes soon")
        .put("expiresInMinutes", 5));
    phone.until(SOON, "the announcements", d -> phone.text("#announcements").contains("Lunch is served")
        && phone.text("#announcements").contains("Registration closes soon"));
    // Ten minutes later on the event's clock the second one has expired; it is still in the state until cleared.
    LocalDateTime later = LocalDateTime.ofInstant(Instant.ofEpochMilli(eventNow()), VENUE).plusMinutes(10);
    PhonePage.command(api, new JsonObject().put("type", "clock.set").put("at", later.toString()));
    phone.until(SOON, "the expired announcement hidden", d -> !phone.text("#announcements").contains("Registration closes"));
    assertThat(phone.text("#announcements")).contains("Lunch is served");

    assertThat(phone.classes("#awards")).as("no result revealed yet").contains("hidden");
    PhonePage.command(api, new JsonObject().put("type", "award.reveal").put("award", "leading-enterprises").put("rank", 3));
    phone.until(SOON, "the revealed result", d -> phone.text("#award-list").contains("3rd place"));
    assertThat(phone.text("#award-list")).contains("[Demo] Enterprise C").doesNotContain("Enterprise A")
        .doesNotContain("Enterprise B").doesNotContain("1st").doesNotContain("2nd");

    PhonePage.command(api, new JsonObject().put("type", "notice.emergency").put("text", new JsonObject()
        .put("en", "Please stay calm and leave by the nearest exit, following the staff")
        .put("zh", "请保持冷静，按照工作人员指引从最近的安全出口有序离场")));
    phone.until(SOON, "the notice", d -> !phone.classes("#notice").contains("hidden"));
    assertThat(phone.text("#notice-text")).isEqualTo("Please stay calm and leave by the nearest exit, following the staff");
    assertThat(phone.text("#notice-other")).as("and in the other language").isEqualTo("请保持冷静，按照工作人员指引从最近的安全出口有序离场");
    assertThat(phone.find("#notice-other").getAttribute("lang")).isEqualTo("zh-CN");
    phone.until(SOON, "the notice read out", d -> phone.text("#announcer").startsWith("Emergency notice: Please stay calm"));
    phone.screenshot("phone-notice-en-light");
    phone.find("#notice-hide").click();
    phone.until(SOON, "the notice folded away", d -> phone.classes("#notice").contains("hidden")
        && !phone.classes("#notice-show").contains("hidden"));
    phone.find("#notice-show").click();
    phone.until(SOON, "the notice again", d -> !phone.classes("#notice").contains("hidden"));
    phone.js("window.scrollTo(0, 0)");
    phone.fullPageScreenshot("phone-home-en-light-full");
  }

  @Test
  @Order(7)
  void everyViewPassesAxeInBothLanguagesLightAndDarkAndIsPhotographed() {
    List<String> failures = new ArrayList<>();
    hideNotice();
    for (String lang : new String[] {"en", "zh"}) {
      setLanguage(lang);
      for (String scheme : new String[] {"light", "dark"}) {
        phone.colorScheme(scheme);
        for (String view : VIEWS) {
          go(phone, view);
          phone.js("window.scrollTo(0, 0)");
          check("phone-" + view + "-" + lang + "-" + scheme, failures);
        }
        // And with the notice over the page.
        go(phone, "home");
        phone.find("#notice-show").click();
        phone.until(SOON, "the notice", d -> !phone.classes("#notice").contains("hidden"));
        check("phone-notice-" + lang + "-" + scheme, failures);
        hideNotice();
      }
    }
    phone.colorScheme("light");
    setLanguage("en");
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
    PhonePage.command(api, new JsonObject().put("type", "notice.clear"));
    phone.until(SOON, "the notice cleared", d -> phone.classes("#notice").contains("hidden")
        && phone.classes("#notice-show").contains("hidden"));
  }

  @Test
  @Order(8)
  void staffTypedMarkupShowsAsTextEverywhere() {
    go(phone, "agenda");
    assertThat(phone.classes("#alert")).as("no alert over the agenda").contains("hidden");
    phone.find("#agenda [data-session='matchmaking-break'] .star").click();
    PhonePage.command(api, new JsonObject().put("type", "session.update").put("session", "opening-ceremony")
        .put("title", XSS).put("description", XSS));
    PhonePage.command(api, new JsonObject().put("type", "session.cancel").put("session", "matchmaking-break").put("reason", XSS));
    PhonePage.command(api, new JsonObject().put("type", "session.add").put("session", "xss-session").put("kind", "meeting")
        .put("room", "forum-a").put("title", XSS).put("description", XSS).put("start", "2023-08-16T12:00")
        .put("end", "2023-08-16T12:30"));
    PhonePage.command(api, new JsonObject().put("type", "announcement.post").put("text", XSS).put("expiresInMinutes", 600));
    PhonePage.command(api, new JsonObject().put("type", "notice.emergency").put("text", XSS));
    PhonePage.command(api, new JsonObject().put("type", "speaker.update").put("speaker", "gan-yong").put("name", XSS)
        .put("title", XSS).put("affiliation", XSS));
    PhonePage.command(api, new JsonObject().put("type", "room.update").put("room", "forum-a").put("name", XSS));
    PhonePage.command(api, new JsonObject().put("type", "award.update").put("award", "leading-enterprises").put("name", XSS));
    PhonePage.command(api, new JsonObject().put("type", "award.nominee").put("award", "leading-enterprises")
        .put("nominee", "demo-enterprise-c").put("name", XSS));
    JsonObject event = api.snapshot().getJsonObject("event");
    PhonePage.command(api, new JsonObject().put("type", "event.update").put("title", XSS).put("venue", XSS));

    String opening = "#agenda [data-session='opening-ceremony']";
    phone.until(SOON, "the markup as a title and a notice", d -> phone.text(opening + " .title").equals(XSS)
        && phone.text("#notice-text").equals(XSS));
    assertThat(phone.text("#agenda [data-session='xss-session'] .title")).isEqualTo(XSS);
    assertThat(phone.text("#agenda [data-session='matchmaking-break'] .reason")).isEqualTo("Reason: " + XSS);
    assertThat(phone.text("#alert-text")).as("the starred session's alert").contains("Tea Break cancelled (" + XSS + ")");
    assertInert("agenda");
    phone.find("#alert-close").click();
    hideNotice();
    phone.find(opening + " .title-button").click();
    phone.until(SOON, "the details open", d -> phone.text(opening + " .description").equals(XSS));
    for (String view : VIEWS) {
      go(phone, view);
      assertInert(view);
    }
    assertThat(phone.text("#announcements")).contains(XSS);
    assertThat(phone.text("#event-title")).isEqualTo(XSS);
    assertThat(phone.text("#event-meta")).startsWith(XSS);
    assertThat(phone.js("return document.title")).isEqualTo(XSS + " · Starred");
    assertThat(phone.text("#now-next .now [data-session='awards-ceremony'] .on-stage")).contains(XSS + " · " + XSS);
    assertThat(phone.text("#award-list .award-name")).isEqualTo(XSS);
    assertThat(phone.text("#award-list .winner")).isEqualTo(XSS);
    assertThat(phone.text("#agenda [data-session='keynote-gan-yong'] .speakers")).isEqualTo(XSS);
    assertThat(phone.text("#agenda [data-session='xss-session'] .room")).isEqualTo(XSS);
    assertThat(phone.text("#change-list")).contains("New session: " + XSS).contains("Emergency notice: " + XSS)
        .contains("Announcement: " + XSS);
    PhonePage.command(api, new JsonObject().put("type", "notice.clear"));
    PhonePage.command(api, new JsonObject().put("type", "event.update").put("title", event.getJsonObject("title"))
        .put("venue", event.getJsonObject("venue")));
  }

  @Test
  @Order(9)
  void atTwoHundredPercentZoomNothingScrollsSideways() {
    // 200 % zoom on a 390 px phone leaves 195 CSS px: the same layout as a 195 px viewport at scale 2.
    phone.viewport(195, 422, 2);
    try {
      for (String view : VIEWS) {
        go(phone, view);
        assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= window.innerWidth"))
            .as("the %s view fits 195 px", view).isTrue();
        assertThat((Boolean) phone.js("return [...document.querySelectorAll('#tabs .tab')]"
            + ".every(t => { const r = t.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth + 0.5; })"))
            .as("every tab on screen").isTrue();
      }
      go(phone, "agenda");
      phone.screenshot("phone-zoom200-agenda-en-light");
      go(phone, "home");
      phone.screenshot("phone-zoom200-home-en-light");
    } finally {
      phone.viewport(390, 844, 1);
    }
  }

  @Test
  @Order(10)
  void timesSayTheyAreTheEventsWhenThePhoneIsElsewhere() {
    try {
      for (String zone : new String[] {"Europe/Berlin", "Asia/Shanghai", "Asia/Hong_Kong"}) {
        phone.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        phone.driver.navigate().refresh();
        awaitTitle("15th China Baotou Rare Earth Industry Forum");
        boolean away = zone.startsWith("Europe");
        phone.until(SOON, "the zone note in " + zone, d -> phone.classes("#zone-note").contains("hidden") != away);
        if (away) {
          assertThat(phone.text("#zone-note")).isEqualTo("Times are the event's local time: China Standard Time (GMT+8)");
        }
      }
    } finally {
      phone.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
    }
  }

  @Test
  @Order(11)
  void comingBackSaysWhatChangedSinceLastTime() {
    phone.open(url(port, "", "home"));
    awaitSessions(phone, sessions + 1);
    long version = api.snapshot().getLong("version");
    // Leave only once live.js has kept the latest state: that is what the page comes back to.
    phone.until(SOON, "the state kept", d -> Long.valueOf(version).equals(phone.js("const s = JSON.parse("
        + "localStorage.getItem('podium.live.' + arguments[0] + '.public')); return s && s.version", TestNode.SLUG)));
    phone.open("about:blank");
    PhonePage.command(api, new JsonObject().put("type", "session.delay").put("session", "academic-conference-2").put("minutes", 10));
    PhonePage.command(api, new JsonObject().put("type", "session.cancel").put("session", "matchmaking-meeting-2")
        .put("reason", "Room change"));

    phone.open(url(port, "", "home"));
    phone.until(SOON, "the summary", d -> phone.text("#since-home .since-heading").startsWith("Since you were last here ("));
    assertThat(phone.text("#since-home .since-list")).contains("(Part 2) delayed 10 min, now 15:30")
        .contains("(Part 2) cancelled (Room change)");
    phone.until(SOON, "the summary read out", d -> phone.text("#polite").equals("2 changes since you were last here"));
    assertThat(FrameLog.of(phone).stream().map(f -> f.get("type")).toList()).as("resumed, not sent everything again")
        .doesNotContain("snapshot");
    phone.screenshot("phone-home-en-light-since");
    phone.find("#since-home .since-dismiss").click();
    phone.until(SOON, "the summary dismissed", d -> phone.text("#since-home").isEmpty());
  }

  @Test
  @Order(12)
  void aRehearsalCopySaysSo() {
    assertThat(phone.classes("#rehearsal")).contains("hidden");
    HttpResponse<Buffer> copy = api.commandTo("/rehearsal", "{}");
    assertThat(copy.statusCode()).as(copy.bodyAsString()).isEqualTo(201);
    phone.open("http://localhost:" + port + "/index.html?event=" + TestNode.SLUG + "-rehearsal#home");
    phone.until(SOON, "the rehearsal mark", d -> !phone.classes("#rehearsal").contains("hidden"));
    assertThat(phone.text("#rehearsal")).isEqualToIgnoringCase("Rehearsal");
  }

  /** Sends a command and waits for the page to show it both in the agenda and in the list. */
  private void change(String what, String css, String text, String listCss, String words, JsonObject command) {
    String name = what.replace(' ', '-');
    PhonePage.watch(phone, name, css, text);
    PhonePage.watch(phone, name + "-listed", listCss, words);
    long sent = System.currentTimeMillis();
    PhonePage.command(api, command);
    phone.until(SOON, what + " on the page", d -> PhonePage.seenAt(phone, name) != null
        && PhonePage.seenAt(phone, name + "-listed") != null);
    arrivals.put(what, Math.max(PhonePage.seenAt(phone, name), PhonePage.seenAt(phone, name + "-listed")) - sent);
  }

  private void check(String name, List<String> failures) {
    phone.screenshot(name);
    List<Accessibility.Violation> found = Accessibility.serious(phone);
    if (!found.isEmpty()) {
      failures.add(Accessibility.describe(name, found));
    }
  }

  private void assertInert(String view) {
    assertThat(phone.js("return window.__xss === undefined")).as("no script ran in the %s view", view).isEqualTo(true);
    assertThat(count("body img")).as("no image made in the %s view", view).isZero();
    assertThat(count("body script")).as("no script element in the %s view", view).isZero();
  }

  private void hideNotice() {
    if (!phone.classes("#notice").contains("hidden")) {
      phone.find("#notice-hide").click();
      phone.until(SOON, "the notice folded away", d -> phone.classes("#notice").contains("hidden"));
    }
  }

  private void setLanguage(String lang) {
    String want = lang.equals("zh") ? "zh-CN" : "en";
    if (!want.equals(phone.js("return document.documentElement.lang"))) {
      phone.find("#lang-toggle").click();
      phone.until(SOON, "the page in " + lang, d -> want.equals(phone.js("return document.documentElement.lang")));
    }
  }

  private long eventNow() {
    return ((Number) phone.js("return window.podiumLive.eventNow()")).longValue();
  }

  private void stubVibration() {
    phone.js("window.__vibrations = []; navigator.vibrate = p => { window.__vibrations.push(p); return true; };");
  }

  private void awaitTitle(String title) {
    phone.until(SOON, "the title '" + title + "'", d -> phone.text("#event-title").equals(title));
  }

  @SuppressWarnings("unchecked")
  private List<String> texts(String css) {
    return (List<String>) phone.js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css);
  }

  private long count(String css) {
    return ((Number) phone.js("return document.querySelectorAll(arguments[0]).length", css)).longValue();
  }
}

package podium.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.browser.PhonePage.SOON;
import static podium.browser.PhonePage.awaitSessions;
import static podium.browser.PhonePage.go;
import static podium.browser.PhonePage.url;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
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
import podium.Node;
import podium.TestNode;
import podium.outbound.BrowserSubscription;
import podium.outbound.PushServiceStandIn;
import podium.outbound.PushSettings;

/**
 * The attendee page's Web Push, on a phone (390x844), against a real node whose pushes go to the
 * push-service stand-in (which checks and decrypts them as a phone would): the offer on the first
 * star and never on load, Not now kept, Yes asking the browser, the subscription posted to the hub
 * with the stars and the language and kept in step with them, the service worker showing what the
 * hub sent (delivered into Chromium through DevTools), and a tap opening the session.
 *
 * <p>One part of the browser is replaced: headless Chromium cannot subscribe without Google's push
 * service (pushManager.subscribe() never settles there), so an init script gives the page a
 * subscription this test made (BrowserSubscription: its keys, an endpoint on the stand-in) from
 * PushManager's subscribe() and getSubscription(). Everything after it is real: the page's POSTs and
 * DELETEs, the hub storing them, its encrypted pushes, the service worker and its notifications.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser") // main's fast profile leaves out the tests that drive Chromium
class PhonePushBrowserTest {

  private static final Duration PUSHED = Duration.ofSeconds(30);
  private static final String KEYNOTE = "keynote-gan-yong";
  private static final String REPORT = "industry-report-release";
  private static final String AWARDS = "awards-ceremony";

  private PushServiceStandIn service;
  private Node node;
  private Api api;
  private int port;
  private String origin;
  private String hubKey;
  private String endpoint;
  private Browser phone;
  private PushDevTools devTools;
  private int sessions;

  @BeforeAll
  void start(Vertx vertx) {
    service = PushServiceStandIn.start(vertx).await();
    port = TestNode.freePort();
    origin = "http://localhost:" + port;
    // Endpoints on loopback are allowed for the stand-in, as PODIUM_PUSH_PRIVATE would.
    node = TestNode.start(vertx, TestNode.seededDatabase(vertx), port, "push-page",
        o -> o.withPush(new PushSettings("mailto:ops@example.org", true, 200)));
    api = new Api(vertx, port);
    hubKey = api.get("/api/push/key").bodyAsJsonObject().getString("key");
    service.expectKey(hubKey);
    sessions = api.snapshot().getJsonArray("sessions").size();
    BrowserSubscription keys = BrowserSubscription.make();
    endpoint = service.subscribe(keys);
    phone = Browser.start(390, 844);
    devTools = new PushDevTools(phone);
    devTools.beforeEveryPage(subscriptionStub(keys.json(endpoint)));
  }

  @AfterAll
  void stop() {
    try {
      devTools.close();
      Browser.closeAll(phone);
    } finally {
      api.close();
      node.stop().await();
      service.close().await();
    }
  }

  @Test
  @Order(1)
  void theOfferComesOnTheFirstStarNeverOnLoadAndNotNowIsKept() {
    phone.open(url(port, "", "agenda"));
    awaitSessions(phone, sessions);
    assertThat(phone.classes("#push-offer")).as("nothing offered on load").contains("hidden");
    assertThat(answer()).isNull();

    star("agenda", REPORT);
    assertThat(phone.classes("#push-offer")).as("offered on the first star").doesNotContain("hidden");
    assertThat(phone.js("return document.getElementById('push-offer-heading').textContent")).isEqualTo("Notifications");
    assertThat(phone.text("#push-offer-text")).isEqualTo("Get a notification if this session moves, even with this page closed?");
    assertThat(texts("#push-offer-actions button")).containsExactly("Yes", "Not now");
    assertThat(phone.js("return document.activeElement.dataset.key")).as("the offer takes no focus")
        .isEqualTo("star:agenda:" + REPORT);
    phone.screenshot("phone-push-offer-en-light");
    Accessibility.assertNoSeriousViolations(phone, "the offer in English");

    phone.find("#push-offer-not-now").click();
    phone.until(SOON, "the offer put away", d -> phone.classes("#push-offer").contains("hidden"));
    assertThat(answer()).isEqualTo("off");
    assertThat(phone.js("return document.activeElement.dataset.key")).as("the focus back on the star")
        .isEqualTo("star:agenda:" + REPORT);

    star("agenda", AWARDS);
    assertThat(phone.classes("#push-offer")).as("not asked again on the next star").contains("hidden");
    phone.driver.navigate().refresh();
    awaitSessions(phone, sessions);
    star("agenda", KEYNOTE);
    assertThat(phone.classes("#push-offer")).as("nor after a reload").contains("hidden");

    // A quiet way to turn them on later.
    go(phone, "starred");
    assertThat(phone.text("#push-setting .push-state")).isEqualTo("Notifications are off");
    assertThat(phone.text("#push-setting .push-help"))
        .isEqualTo("Get a notification when a starred session moves, even with this page closed.");
    assertThat(phone.text("#push-setting .push-switch")).isEqualTo("Turn on notifications");
    phone.screenshot("phone-push-starred-off-en-light");
    Accessibility.assertNoSeriousViolations(phone, "Starred with notifications off");
    assertThat(answer()).isEqualTo("off");
    assertThat(held()).as("nothing sent to the hub").isNull();
  }

  @Test
  @Order(2)
  void yesAsksTheBrowserAndABlockedPageIsOfferedNothingMore() {
    freshPhone("&lang=zh");
    star("agenda", KEYNOTE);
    assertThat(phone.js("return document.getElementById('push-offer-heading').textContent")).isEqualTo("通知");
    assertThat(phone.text("#push-offer-text")).isEqualTo("这场日程如有变动，即使关闭本页，也通知您吗？");
    assertThat(texts("#push-offer-actions button")).containsExactly("好的", "暂不");
    phone.screenshot("phone-push-offer-zh-light");
    Accessibility.assertNoSeriousViolations(phone, "the offer in Chinese");

    // Headless Chromium answers its permission prompt "Block" by itself: the page says so, and offers nothing more.
    phone.find("#push-offer-yes").click();
    phone.until(SOON, "the page told it is blocked", d -> phone.text("#push-offer-text")
        .equals("您的浏览器已禁止本页发送通知，可在浏览器设置中允许。"));
    assertThat(phone.js("return Notification.permission")).isEqualTo("denied");
    phone.find("#push-offer-ok").click();
    phone.until(SOON, "the card put away", d -> phone.classes("#push-offer").contains("hidden"));
    go(phone, "starred");
    assertThat(phone.text("#push-setting")).as("no switch where notifications are blocked").isEmpty();
    assertThat(held()).isNull();
    unstarInStarred(KEYNOTE);
    assertThat(phone.text("#starred-list")).startsWith("还没有收藏的日程");
  }

  @Test
  @Order(3)
  void yesSubscribesAndTheHubHoldsTheStarsInThePhonesLanguage() {
    devTools.allowNotifications(origin);
    freshPhone("&lang=zh");
    star("agenda", KEYNOTE);
    phone.find("#push-offer-yes").click();
    phone.until(SOON, "notifications on", d -> phone.text("#push-offer-text").equals("已为您收藏的日程开启通知。可在“我的收藏”中关闭。"));
    assertThat(answer()).isEqualTo("on");
    JsonObject asked = new JsonObject(String.valueOf(phone.js("return localStorage.getItem('podium-test.subscribed')")));
    assertThat(asked.getBoolean("userVisibleOnly")).isTrue();
    assertThat(asked.getString("applicationServerKey")).as("the hub's key, from GET /api/push/key").isEqualTo(hubKey);
    phone.until(SOON, "the hub told", d -> held() != null);
    assertThat(held().getString("lang")).isEqualTo("zh");
    phone.screenshot("phone-push-on-zh-light");
    phone.find("#push-offer-ok").click();
    phone.until(SOON, "the card put away", d -> phone.classes("#push-offer").contains("hidden"));
    assertThat(phone.js("return document.activeElement.dataset.key")).isEqualTo("star:agenda:" + KEYNOTE);

    // The hub keeps it: a delay of the starred session is pushed to this phone, in Chinese.
    delay(KEYNOTE, 10);
    JsonObject pushed = awaitPush(KEYNOTE, "delayed", "zh");
    assertThat(pushed.getString("title")).isEqualTo("干勇院士主旨演讲 时间调整");
    assertThat(pushed.getString("body")).isEqualTo("09:15 · 主会场");
  }

  @Test
  @Order(4)
  void theServiceWorkerShowsThePushAsTheHubWroteIt() {
    JsonObject pushed = awaitPush(KEYNOTE, "delayed", "zh");
    Map<String, Object> shown = deliverUntilShown(pushed.encode(), "干勇院士主旨演讲 时间调整");
    assertThat(shown.get("body")).isEqualTo("09:15 · 主会场");
    assertThat(shown.get("tag")).isEqualTo("podium:" + TestNode.SLUG + ":" + KEYNOTE);
    assertThat(shown.get("icon")).isEqualTo(origin + "/icons/icon-192.png");
    assertThat(shown.get("url")).isEqualTo(origin + "/?event=" + TestNode.SLUG + "#agenda/" + KEYNOTE);

    // Markup in a payload is shown as the text it is.
    assertThat(deliverUntilShown(pushed.copy().put("title", "<b>bold</b><img src=x onerror=alert(1)>")
        .put("tag", "podium:markup").encode(), "<b>bold</b><img src=x onerror=alert(1)>").get("tag"))
        .isEqualTo("podium:markup");
    phone.js("return navigator.serviceWorker.ready.then(r => r.getNotifications({ tag: 'podium:markup' }))"
        + ".then(ns => ns.forEach(n => n.close()))");
  }

  @Test
  @Order(5)
  void switchingTheLanguageUpdatesTheSubscriptionAndANewerNoticeReplacesTheOlder() {
    phone.find("#lang-toggle").click();
    phone.until(SOON, "the hub told the language", d -> held() != null && "en".equals(held().getString("lang")));
    delay(KEYNOTE, 5);
    JsonObject pushed = awaitPush(KEYNOTE, "delayed", "en");
    assertThat(pushed.getString("title")).isEqualTo("Keynote Speech by Academician Gan Yong is delayed");
    assertThat(pushed.getString("body")).isEqualTo("09:20 · Main Hall");

    devTools.deliverPush(origin + "/", pushed.encode());
    phone.until(SOON, "the English notice in place of the Chinese one (the same tag)", d -> {
      List<Map<String, Object>> shown = notifications();
      return shown.size() == 1 && "Keynote Speech by Academician Gan Yong is delayed".equals(shown.get(0).get("title"));
    });
    assertThat(notifications().get(0).get("body")).isEqualTo("09:20 · Main Hall");
  }

  @Test
  @Order(6)
  void aTapOnTheNotificationOpensTheSession() {
    // With the page open (on another view): the service worker's tap handling has it show the session.
    go(phone, "home");
    devTools.inWorker(origin + "/sw.js", "self.registration.getNotifications()"
        + ".then(ns => openFromNotification(ns.find(n => n.tag.endsWith(':" + KEYNOTE + "')))).then(() => true)");
    awaitSessionShown(KEYNOTE);
    assertThat(phone.js("return location.hash")).isEqualTo("#agenda/" + KEYNOTE);

    // With the page closed: the notification's link opens it.
    String link = String.valueOf(notifications().get(0).get("url"));
    phone.open("about:blank");
    phone.open(link);
    awaitSessionShown(KEYNOTE);
    phone.screenshot("phone-push-opened-en-light");
  }

  @Test
  @Order(7)
  void starredSaysNotificationsAreOn() {
    go(phone, "starred");
    for (String lang : new String[] {"en", "zh"}) {
      if (!lang.equals(phone.js("return document.documentElement.lang").toString().substring(0, 2))) {
        phone.find("#lang-toggle").click();
      }
      String on = lang.equals("en") ? "Notifications are on" : "通知已开启";
      String help = lang.equals("en") ? "Your phone tells you when a starred session moves, is cancelled or is about to start,"
          + " even with this page closed." : "收藏的日程如有变动、取消或即将开始，即使关闭本页，手机也会通知您。";
      phone.until(SOON, "notifications on, in " + lang, d -> phone.text("#push-setting .push-state").equals(on));
      assertThat(phone.text("#push-setting .push-help")).isEqualTo(help);
      assertThat(phone.text("#push-setting .push-switch")).isEqualTo(lang.equals("en") ? "Turn off notifications" : "关闭通知");
      phone.js("window.scrollTo(0, 0)");
      phone.screenshot("phone-push-starred-" + lang + "-light");
      for (String scheme : new String[] {"light", "dark"}) {
        phone.colorScheme(scheme);
        Accessibility.assertNoSeriousViolations(phone, "Starred with notifications on, " + lang + " " + scheme);
      }
      phone.colorScheme("light");
    }
    phone.find("#lang-toggle").click();
    phone.until(SOON, "English again", d -> "en".equals(phone.js("return document.documentElement.lang")));
    phone.until(SOON, "the hub told the language", d -> held() != null && "en".equals(held().getString("lang")));
  }

  @Test
  @Order(8)
  void everyStarUpdatesTheSubscriptionAndTheLastUnstarDeletesIt() {
    go(phone, "agenda");
    star("agenda", AWARDS);
    phone.until(SOON, "the hub told the stars", d -> held() != null && held().getJsonArray("sessions").contains(AWARDS));
    delay(AWARDS, 5);
    assertThat(awaitPush(AWARDS, "delayed", "en").getString("title")).isEqualTo("Awards Ceremony is delayed");

    go(phone, "starred");
    unstarInStarred(KEYNOTE);
    unstarInStarred(AWARDS);
    phone.until(SOON, "the subscription deleted", d -> held() == null);
    assertThat(hubDelete().statusCode()).as("the hub holds nothing for this phone").isEqualTo(404);
    assertThat(answer()).as("the answer stays on the phone").isEqualTo("on");

    // The next star posts it again, without asking.
    go(phone, "agenda");
    star("agenda", KEYNOTE);
    assertThat(phone.classes("#push-offer")).contains("hidden");
    phone.until(SOON, "the hub told again", d -> held() != null);

    // Turned off in Starred: deleted; on again: posted, the browser's permission already given.
    go(phone, "starred");
    tap("#push-setting .push-switch");
    phone.until(SOON, "turned off", d -> held() == null && phone.text("#push-setting .push-switch").equals("Turn on notifications"));
    assertThat(hubDelete().statusCode()).isEqualTo(404);
    tap("#push-setting .push-switch");
    phone.until(SOON, "turned on", d -> held() != null && phone.text("#push-setting .push-switch").equals("Turn off notifications"));
    assertThat(phone.js("return document.activeElement.dataset.key")).as("the focus stays on the switch").isEqualTo("push:switch");
    assertThat(hubDelete().statusCode()).as("the hub held it").isEqualTo(204);
  }

  /** A phone that never answered: this browser with the page's storage emptied. */
  private void freshPhone(String query) {
    phone.open(url(port, query, "agenda"));
    phone.js("localStorage.clear()");
    phone.driver.navigate().refresh();
    awaitSessions(phone, sessions);
    assertThat(phone.classes("#push-offer")).contains("hidden");
  }

  private void star(String view, String session) {
    String item = "#" + view + " [data-session='" + session + "'] .star";
    String was = phone.find(item).getAttribute("aria-pressed");
    // In the middle of the screen, clear of the sticky tabs (a reload puts the page back where it was).
    phone.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", item);
    phone.find(item).click();
    phone.until(SOON, "the star on " + session + " toggled", d -> !was.equals(phone.find(item).getAttribute("aria-pressed")));
  }

  /** Unstars a session in the Starred view, where it then leaves the list. */
  private void unstarInStarred(String session) {
    String item = "#starred [data-session='" + session + "']";
    tap(item + " .star");
    phone.until(SOON, session + " gone from Starred", d -> !(Boolean) phone.js("return !!document.querySelector(arguments[0])", item));
  }

  /** A tap on what the page may be drawing again (after the hub answered, say): found afresh until it takes. */
  private void tap(String css) {
    phone.until(SOON, "a tap on " + css, d -> {
      phone.find(css).click();
      return true;
    });
  }

  /** Delays a starred session, and puts away the alert the open page raises about it. */
  private void delay(String session, int minutes) {
    PhonePage.command(api, new JsonObject().put("type", "session.delay").put("session", session).put("minutes", minutes));
    phone.until(SOON, "the page's alert", d -> !phone.classes("#alert").contains("hidden"));
    phone.find("#alert-close").click();
    phone.until(SOON, "the alert put away", d -> phone.classes("#alert").contains("hidden"));
  }

  private HttpResponse<Buffer> hubDelete() {
    return api.call(HttpMethod.DELETE, "/api/events/" + TestNode.SLUG + "/push", new JsonObject().put("endpoint", endpoint)
        .encode(), "Content-Type", "application/json");
  }

  /** The push the stand-in received for this phone about the session, for the reason, in the language. */
  private JsonObject awaitPush(String session, String reason, String lang) {
    return phone.until(PUSHED, "a push about " + session + " (" + lang + "); the stand-in got " + service.received(),
        d -> service.received().stream().filter(r -> r.endpoint().equals(endpoint) && r.problem() == null)
            .map(r -> new JsonObject(new String(r.plaintext(), StandardCharsets.UTF_8)))
            .filter(p -> session.equals(p.getString("session")) && reason.equals(p.getString("reason"))
                && ("zh".equals(lang) == p.getString("body").matches(".*[\\u4e00-\\u9fff].*")))
            .reduce((a, b) -> b).orElse(null));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> notifications() {
    return (List<Map<String, Object>>) phone.js("return navigator.serviceWorker.ready.then(r => r.getNotifications())"
        + ".then(ns => ns.map(n => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, url: n.data && n.data.url })))");
  }

  /**
   * Delivers a push to the page's worker, and again every 5 s until its notification shows, as a
   * push service retries (its tag makes a second one replace the first). On a loaded machine a
   * delivery was once seen to show nothing within 5 s; the worker's own handling is what is tested.
   */
  private Map<String, Object> deliverUntilShown(String payload, String title) {
    long[] next = {0};
    return phone.until(Duration.ofSeconds(30), "the notification '" + title + "'", d -> {
      Map<String, Object> shown = notifications().stream().filter(n -> title.equals(n.get("title"))).findFirst()
          .orElse(null);
      if (shown == null && System.nanoTime() >= next[0]) {
        devTools.deliverPush(origin + "/", payload);
        next[0] = System.nanoTime() + 5_000_000_000L;
      }
      return shown;
    });
  }

  /** The agenda shows the session: details open, at the top of the view, its title focused. */
  private void awaitSessionShown(String session) {
    String item = "#agenda [data-session='" + session + "']";
    phone.until(SOON, "the session shown", d -> phone.classes("#agenda").contains("current")
        && !phone.classes(item + " .details").contains("hidden")
        && Boolean.TRUE.equals(phone.js("const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();"
            + " return document.activeElement === e.querySelector('.title-button') && r.top >= 0 && r.top < innerHeight / 2", item)));
  }

  private String answer() {
    Object a = phone.js("return JSON.parse(localStorage.getItem('podium.push.' + arguments[0]))", TestNode.SLUG);
    return a == null ? null : a.toString();
  }

  /** What the page says the hub holds for it: {endpoint, lang, sessions}, or null. */
  private JsonObject held() {
    Object h = phone.js("return localStorage.getItem('podium.push.held.' + arguments[0])", TestNode.SLUG);
    return h == null || "null".equals(h) ? null : new JsonObject(h.toString());
  }

  @SuppressWarnings("unchecked")
  private List<String> texts(String css) {
    return (List<String>) phone.js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css);
  }

  /**
   * The stand-in for Google's push service on the browser's side: PushManager's subscribe() gives
   * the test's subscription (as a browser's would, only once permission is granted) and notes what
   * it was asked with; getSubscription() gives it while subscribed. Page storage holds the state,
   * so a reload keeps it and a cleared page starts unsubscribed.
   */
  private static String subscriptionStub(JsonObject subscription) {
    return """
        (() => {
          if (!('PushManager' in self)) return;
          const json = %s;
          const state = 'podium-test.subscribed';
          const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
            .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
          const subscription = {
            endpoint: json.endpoint, expirationTime: null, options: { userVisibleOnly: true },
            toJSON: () => json,
            unsubscribe: async () => { localStorage.removeItem(state); return true; },
          };
          PushManager.prototype.subscribe = async function (options) {
            if (Notification.permission !== 'granted') throw new DOMException('permission not granted', 'NotAllowedError');
            localStorage.setItem(state, JSON.stringify({ userVisibleOnly: options.userVisibleOnly,
              applicationServerKey: base64url(options.applicationServerKey) }));
            return subscription;
          };
          PushManager.prototype.getSubscription = async function () {
            return localStorage.getItem(state) ? subscription : null;
          };
        })();
        """.formatted(subscription.encode());
  }
}

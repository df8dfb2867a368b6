package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/**
 * Web Push end to end on two nodes against a push-service stand-in that checks each request's
 * VAPID token and headers and decrypts its payload as a phone would: a delay of a starred session
 * reaches each phone that starred it once, in its language, whichever node the phone subscribed
 * through; a phone that did not star it gets nothing; 410 removes the subscription; 429 is tried
 * again. No time is asserted: each outcome is awaited generously.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class PushDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private PushServiceStandIn service;
  private Node a;
  private Node b;
  private Api apiA;
  private Api apiB;

  @BeforeEach
  void start(Vertx vertx) {
    service = PushServiceStandIn.start(vertx).await();
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    PushSettings push = new PushSettings("mailto:ops@example.org", true, 200);
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    a = TestNode.start(vertx, db, portA, "push-a", o -> o.withPush(push));
    b = TestNode.start(vertx, db, portB, "push-b", o -> o.withPush(push));
    apiA = new Api(vertx, portA);
    apiB = new Api(vertx, portB);
    service.expectKey(apiA.get("/api/push/key").bodyAsJsonObject().getString("key"));
    assertThat(apiB.get("/api/push/key").bodyAsJsonObject().getString("key")).as("one key pair for every node")
        .isEqualTo(apiA.get("/api/push/key").bodyAsJsonObject().getString("key"));
  }

  @AfterEach
  void stop() {
    apiA.close();
    apiB.close();
    a.stop().await();
    b.stop().await();
    service.close().await();
  }

  private String subscribe(Api api, BrowserSubscription phone, String lang, String... sessions) {
    String endpoint = service.subscribe(phone);
    HttpResponse<Buffer> r = api.call(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/push", new JsonObject()
        .put("subscription", phone.json(endpoint)).put("sessions", new JsonArray(List.of(sessions))).put("lang", lang)
        .encode(), "Content-Type", "application/json");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
    return endpoint;
  }

  private void delay(String session, int minutes) {
    assertThat(apiA.command(new JsonObject().put("type", "session.delay").put("session", session)
        .put("minutes", minutes)).statusCode()).isEqualTo(200);
  }

  private List<PushServiceStandIn.Received> to(String endpoint, Predicate<JsonObject> which) {
    return service.received().stream().filter(r -> r.endpoint().equals(endpoint) && r.problem() == null)
        .filter(r -> which.test(new JsonObject(new String(r.plaintext(), StandardCharsets.UTF_8)))).toList();
  }

  private void await(String what, java.util.function.BooleanSupplier done) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      LiveClient.sleep(50);
    }
    assertThat(done.getAsBoolean()).as(what + "; the service got " + service.received()).isTrue();
  }

  @Test
  void aDelayReachesEachPhoneThatStarredItOnceInItsLanguageAndNoOtherPhone() {
    BrowserSubscription en = BrowserSubscription.make();
    BrowserSubscription zh = BrowserSubscription.make();
    BrowserSubscription other = BrowserSubscription.make();
    String toEn = subscribe(apiA, en, "en", "keynote-gan-yong");
    String toZh = subscribe(apiB, zh, "zh", "keynote-gan-yong", "rare-earth-expo");
    String toOther = subscribe(apiB, other, "en", "morning-tea-break");

    delay("keynote-gan-yong", 10);
    Predicate<JsonObject> delayed = p -> "keynote-gan-yong".equals(p.getString("session"))
        && "delayed".equals(p.getString("reason"));
    await("both phones told", () -> to(toEn, delayed).size() == 1 && to(toZh, delayed).size() == 1);
    LiveClient.sleep(3_000); // two nodes had every chance to send it twice
    assertThat(to(toEn, delayed)).as("once, across two nodes").hasSize(1);
    assertThat(to(toZh, delayed)).hasSize(1);
    JsonObject english = new JsonObject(new String(to(toEn, delayed).get(0).plaintext(), StandardCharsets.UTF_8));
    JsonObject chinese = new JsonObject(new String(to(toZh, delayed).get(0).plaintext(), StandardCharsets.UTF_8));
    assertThat(english.getString("title")).isEqualTo("Keynote Speech by Academician Gan Yong is delayed");
    assertThat(english.getString("body")).isEqualTo("09:15 · Main Hall");
    assertThat(chinese.getString("title")).isEqualTo("干勇院士主旨演讲 时间调整");
    assertThat(chinese.getString("body")).isEqualTo("09:15 · 主会场");
    assertThat(to(toEn, delayed).get(0).headers().get("Topic")).as("a newer notice replaces it on the phone")
        .isNotBlank();
    assertThat(to(toEn, delayed).get(0).headers().get("Urgency")).isEqualTo("normal");
    assertThat(to(toOther, p -> true)).as("a phone that did not star it").isEmpty();
    assertThat(service.received()).as("every request passed the stand-in's checks")
        .allSatisfy(r -> assertThat(r.problem()).isNull());
  }

  @Test
  void goneRemovesTheSubscriptionAndTooManyRequestsIsTriedAgain() {
    BrowserSubscription leaving = BrowserSubscription.make();
    BrowserSubscription busy = BrowserSubscription.make();
    String gone = subscribe(apiA, leaving, "en", "keynote-gan-yong");
    String slow = subscribe(apiA, busy, "en", "keynote-gan-yong");
    service.answerNext(gone, 410, null);
    service.answerNext(slow, 429, "1");

    delay("keynote-gan-yong", 5);
    await("the busy phone told after its 429", () -> service.received().stream()
        .filter(r -> r.endpoint().equals(slow) && r.answered() == 201).count() == 1);
    assertThat(service.received().stream().filter(r -> r.endpoint().equals(slow)).map(r -> r.answered()))
        .containsExactly(429, 201);
    await("the gone phone asked once", () -> service.received().stream().anyMatch(r -> r.endpoint().equals(gone)));

    delay("keynote-gan-yong", 5);
    await("the busy phone told again", () -> service.received().stream()
        .filter(r -> r.endpoint().equals(slow) && r.answered() == 201).count() == 2);
    assertThat(service.received().stream().filter(r -> r.endpoint().equals(gone)))
        .as("the gone phone's subscription was removed: nothing more to it").hasSize(1);
  }

  @Test
  void tenMinutesBeforeAStarredSessionStartsOnTheEventClockThePhoneIsRemindedOnce() {
    BrowserSubscription phone = BrowserSubscription.make();
    String to = subscribe(apiB, phone, "zh", "keynote-gan-yong");
    Predicate<JsonObject> soon = p -> "soon".equals(p.getString("reason"));
    assertThat(apiA.command(new JsonObject().put("type", "clock.set").put("at", "2023-08-16T08:50").put("paused", true))
        .statusCode()).isEqualTo(200);
    LiveClient.sleep(2_000);
    assertThat(to(to, soon)).as("15 minutes before: not yet").isEmpty();
    assertThat(apiA.command(new JsonObject().put("type", "clock.set").put("at", "2023-08-16T08:56").put("paused", true))
        .statusCode()).isEqualTo(200);
    await("reminded", () -> to(to, soon).size() == 1);
    LiveClient.sleep(3_000);
    assertThat(to(to, soon)).as("once, across two nodes").hasSize(1);
    JsonObject p = new JsonObject(new String(to(to, soon).get(0).plaintext(), StandardCharsets.UTF_8));
    assertThat(p.getString("title")).isEqualTo("干勇院士主旨演讲 即将开始");
    assertThat(p.getString("body")).isEqualTo("09:05 · 主会场");
    assertThat(to(to, soon).get(0).headers().get("Urgency")).isEqualTo("high");
  }
}

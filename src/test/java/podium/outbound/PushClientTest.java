package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.outbound.PushOptions.Urgency;
import podium.outbound.PushOutcome.Result;

/** Requests sent with the Vert.x web client to the stand-in push service, and its answers read. */
@ExtendWith(VertxExtension.class)
@Tag("unit")
class PushClientTest {

  private static final byte[] NOTICE = "{\"kind\":\"session.moved\",\"title\":\"稀土产业发展报告发布\"}"
      .getBytes(StandardCharsets.UTF_8);

  private PushServiceStandIn service;
  private WebClient web;
  private WebPush push;

  @BeforeEach
  void start(Vertx vertx) {
    service = PushServiceStandIn.start(vertx).await();
    web = WebClient.create(vertx, PushClient.options());
    push = new WebPush(VapidKeys.generate(), new PushSettings("mailto:ops@example.org", true));
    service.expectKey(push.applicationServerKey());
  }

  @AfterEach
  void stop() {
    web.close();
    service.close().await();
  }

  @Test
  void aPhoneGetsTheNoticeAndThePushServiceItsHeaders(Vertx vertx) {
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = accepted(phone.json(service.subscribe(phone)));
    String topic = PushOptions.sessionTopic(1, "industry-report-release");

    PushOutcome outcome = client(vertx, true).send(request(to, new PushOptions(600, Urgency.HIGH, topic))).await();

    assertThat(outcome.result()).isEqualTo(Result.DELIVERED);
    assertThat(outcome.status()).isEqualTo(201);
    PushServiceStandIn.Received r = service.received().get(0);
    assertThat(r.problem()).isNull();
    assertThat(r.plaintext()).isEqualTo(NOTICE);
    assertThat(r.vapid().claims().getString("aud")).isEqualTo(service.origin());
    assertThat(r.headers().get("Topic")).isEqualTo(topic);
    assertThat(r.headers().get("Urgency")).isEqualTo("high");
    assertThat(r.headers().get("TTL")).isEqualTo("600");
  }

  @Test
  void goneTooManyAndFailedAnswersAreReadAsSuch(Vertx vertx) {
    BrowserSubscription phone = BrowserSubscription.make();
    String endpoint = service.subscribe(phone);
    PushSubscription to = accepted(phone.json(endpoint));
    service.answerNext(endpoint, 429, "30");
    service.answerNext(endpoint, 500, null);
    service.answerNext(endpoint, 410, null);
    PushClient client = client(vertx, true);
    PushOptions options = new PushOptions(60, Urgency.NORMAL, null);

    PushOutcome slow = client.send(request(to, options)).await();
    assertThat(slow.result()).isEqualTo(Result.RETRY);
    assertThat(slow.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    PushOutcome failed = client.send(request(to, options)).await();
    assertThat(failed.result()).isEqualTo(Result.RETRY);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(client.send(request(to, options)).await().result()).isEqualTo(Result.GONE);
    assertThat(client.send(request(to, options)).await().result()).as("told nothing more: 201").isEqualTo(Result.DELIVERED);
    assertThat(service.received()).allSatisfy(r -> assertThat(r.plaintext()).isEqualTo(NOTICE));
  }

  @Test
  void anEndpointThePushServiceDoesNotKnowIsGone(Vertx vertx) {
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = accepted(phone.json(service.origin() + "/push/never-subscribed"));
    assertThat(client(vertx, true).send(request(to, new PushOptions(60, Urgency.LOW, null))).await().result())
        .isEqualTo(Result.GONE);
  }

  /** The stand-in can fail a sender: another signing key, or a body encrypted for another phone. */
  @Test
  void thePushServiceRefusesAWrongKeyOrAPayloadThePhoneCannotRead(Vertx vertx) {
    BrowserSubscription phone = BrowserSubscription.make();
    String endpoint = service.subscribe(phone);
    PushOptions options = new PushOptions(60, Urgency.NORMAL, null);
    WebPush stranger = new WebPush(VapidKeys.generate(), new PushSettings("mailto:ops@example.org", true));
    PushOutcome wrongKey = client(vertx, true).send(stranger.request(accepted(phone.json(endpoint)), NOTICE, options,
        Instant.now())).await();
    assertThat(wrongKey.result()).isEqualTo(Result.REJECTED);
    assertThat(wrongKey.detail()).contains("signed with another key");

    BrowserSubscription otherPhone = BrowserSubscription.make();
    PushOutcome unreadable = client(vertx, true).send(request(accepted(otherPhone.json(endpoint)), options)).await();
    assertThat(unreadable.result()).isEqualTo(Result.REJECTED);
    assertThat(service.received()).extracting(PushServiceStandIn.Received::problem).doesNotContainNull();
  }

  @Test
  void aPrivateEndpointIsNotCalledUnlessAllowedAndNoAnswerIsRetried(Vertx vertx) {
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = accepted(phone.json(service.subscribe(phone)));
    PushOutcome refused = client(vertx, false).send(request(to, new PushOptions(60, Urgency.NORMAL, null))).await();
    assertThat(refused.result()).isEqualTo(Result.REJECTED);
    assertThat(refused.detail()).contains("private or local address");
    assertThat(service.received()).isEmpty();

    PushSubscription closed = accepted(phone.json("http://127.0.0.1:1/push/1"));
    PushOutcome unanswered = client(vertx, true).send(request(closed, new PushOptions(60, Urgency.NORMAL, null))).await();
    assertThat(unanswered.result()).isEqualTo(Result.RETRY);
    assertThat(unanswered.status()).isNull();
  }

  /** Any https URL can be an endpoint: a long answer leaves only its start in the outcome. */
  @Test
  void aLongAnswerLeavesOnlyItsStartInTheOutcome(Vertx vertx) {
    String huge = "reason ".repeat(600_000);
    var server = vertx.createHttpServer().requestHandler(req -> req.body()
        .onSuccess(b -> req.response().setStatusCode(413).end(huge))).listen(0, "127.0.0.1").await();
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = accepted(phone.json("http://127.0.0.1:" + server.actualPort() + "/push/1"));
    PushOutcome outcome = client(vertx, true).send(request(to, new PushOptions(60, Urgency.NORMAL, null))).await();
    assertThat(outcome.result()).isEqualTo(Result.REJECTED);
    assertThat(outcome.status()).isEqualTo(413);
    assertThat(outcome.detail()).startsWith("answered 413: reason reason").hasSizeLessThanOrEqualTo(300);
    server.close().await();
  }

  private PushClient client(Vertx vertx, boolean privateEndpoints) {
    return new PushClient(vertx, web, privateEndpoints);
  }

  private PushRequest request(PushSubscription to, PushOptions options) {
    return push.request(to, NOTICE, options, Instant.now());
  }

  private static PushSubscription accepted(io.vertx.core.json.JsonObject json) {
    return ((PushSubscription.Accepted) PushSubscription.parse(json, true)).subscription();
  }
}

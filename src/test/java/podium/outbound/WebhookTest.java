package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/**
 * Webhooks to a local receiver that checks every signature: retried after a 500, in version
 * order, once per change with two nodes delivering, nothing embargoed, paused and resumed.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class WebhookTest {

  private static final String SECRET = "a-receiver-secret-of-some-length";
  private static final WebhookSettings FAST = new WebhookSettings(true, 100, 3);

  /** A receiver: keeps every request with whether its signature held; answers what status() says. */
  static final class Receiver implements AutoCloseable {
    final List<JsonObject> got = new CopyOnWriteArrayList<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    final HttpServer server;

    Receiver(Vertx vertx, IntSupplier status) {
      server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        String signature = req.getHeader("Podium-Signature");
        String t = signature.substring(2, signature.indexOf(','));
        String expected = "t=" + t + ",v1=" + WebhookSignature.hmac(SECRET, Long.parseLong(t), body.getBytes());
        if (!expected.equals(signature)) {
          badSignatures.add(signature);
        }
        int answer = status.getAsInt();
        got.add(new JsonObject(body).put("status", answer).put("deliveryHeader", req.getHeader("Podium-Delivery")));
        req.response().setStatusCode(answer).end();
      })).listen(0).await();
    }

    String url() {
      return "http://127.0.0.1:" + server.actualPort() + "/hook";
    }

    List<JsonObject> delivered() {
      return got.stream().filter(j -> j.getInteger("status") == 200).toList();
    }

    @Override
    public void close() {
      server.close().await();
    }
  }

  static Node start(Vertx vertx, PgConnectOptions db, int port, String name) {
    return Node.start(vertx, db, new Node.Options(port, 2, name, "webroot", 4, podium.live.WirePath.FAST).withExports(null, FAST), null)
        .await();
  }

  static JsonObject register(Vertx vertx, int port, JsonObject body) {
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> r = web.post(port, "localhost", "/api/events/" + TestNode.SLUG + "/webhooks")
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).sendJsonObject(body).await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
      return r.bodyAsJsonObject();
    } finally {
      web.close();
    }
  }

  static void await(String what, java.util.function.BooleanSupplier done) {
    long until = System.currentTimeMillis() + 20_000;
    while (!done.getAsBoolean() && System.currentTimeMillis() < until) {
      LiveClient.sleep(20);
    }
    assertThat(done.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void changesArriveSignedInOrderRetriedAfterA500AndNothingEmbargoed(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    Node node = start(vertx, db, port, "hooks");
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    try (Receiver receiver = new Receiver(vertx, () -> 200); Api api = new Api(vertx, port)) {
      // The first attempt at each delivery fails with a 500; the retry succeeds.
      HttpServer retrying = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        int n = seen.computeIfAbsent(req.getHeader("Podium-Delivery"), k -> new AtomicInteger()).incrementAndGet();
        req.response().setStatusCode(n == 1 ? 500 : 200).end();
      })).listen(0).await();
      register(vertx, port, new JsonObject().put("url", receiver.url()).put("secret", SECRET));
      JsonObject made = register(vertx, port, new JsonObject().put("url", "http://127.0.0.1:" + retrying.actualPort())
          .put("kinds", new JsonArray().add("session.delayed")));
      assertThat(made.getString("secret")).as("a secret made for the admin is shown once").hasSizeGreaterThan(20);

      api.commandRaw("{\"type\":\"session.delay\",\"session\":\"keynote-gan-yong\",\"minutes\":5}");
      api.commandRaw("{\"type\":\"award.set_results\",\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,\"nominee\":\"demo-enterprise-b\"}]}");
      api.commandRaw("{\"type\":\"session.move\",\"session\":\"keynote-wang-haizhou\",\"room\":\"forum-a\"}");
      api.commandRaw("{\"type\":\"notice.emergency\",\"text\":\"Fire drill\"}");
      api.commandRaw("{\"type\":\"session.delay\",\"session\":\"lunch-break\",\"minutes\":10}");

      await("four public changes delivered", () -> receiver.delivered().size() == 4);
      assertThat(receiver.badSignatures).isEmpty();
      assertThat(receiver.delivered()).extracting(j -> j.getLong("version")).containsExactly(1L, 3L, 4L, 5L);
      assertThat(receiver.delivered()).extracting(j -> j.getString("kind"))
          .containsExactly("session.delayed", "session.moved", "notice.emergency", "session.delayed");
      JsonObject first = receiver.delivered().get(0);
      assertThat(first.getString("deliveryHeader")).isEqualTo(first.getString("delivery"));
      assertThat(first.getString("event")).isEqualTo(TestNode.SLUG);
      assertThat(receiver.delivered().get(0).getJsonObject("data").getInteger("minutes")).isEqualTo(5);
      assertThat(receiver.got.toString()).doesNotContain("result_set").doesNotContain("demo-enterprise-b");

      await("both delays delivered to the flaky one, each after a 500", () -> seen.size() == 2
          && seen.values().stream().allMatch(n -> n.get() == 2));
      assertThat(seen.keySet()).allMatch(id -> id.endsWith("-1") || id.endsWith("-5"));
      // The deliverer writes a delivery's row after its answer: the last one may still be on its way.
      WebClient reader = WebClient.create(vertx);
      java.util.function.Supplier<JsonObject> deliveries = () -> reader.get(port, "localhost", "/api/events/"
          + TestNode.SLUG + "/webhooks/" + made.getLong("id") + "/deliveries")
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).send().await().bodyAsJsonObject();
      await("four deliveries in the log", () -> deliveries.get().getJsonArray("deliveries").size() >= 4);
      JsonObject log = deliveries.get();
      assertThat(log.getJsonArray("deliveries")).extracting(o -> ((JsonObject) o).getInteger("status"))
          .containsExactly(200, 500, 200, 500);
      retrying.close().await();
    } finally {
      node.stop().await();
    }
  }

  @Test
  void twoNodesDeliverEachChangeOnceAndAFailingEndpointIsPausedThenResumed(Vertx vertxA) {
    PgConnectOptions db = TestNode.seededDatabase(vertxA);
    Vertx vertxB = Vertx.vertx();
    int portA = TestNode.freePort();
    Node a = start(vertxA, db, portA, "hooks-a");
    Node b = start(vertxB, db, TestNode.freePort(), "hooks-b");
    AtomicInteger failing = new AtomicInteger(500);
    try (Receiver receiver = new Receiver(vertxA, () -> 200); Receiver down = new Receiver(vertxA, failing::get);
        Api api = new Api(vertxA, portA)) {
      register(vertxA, portA, new JsonObject().put("url", receiver.url()).put("secret", SECRET));
      JsonObject paused = register(vertxA, portA, new JsonObject().put("url", down.url()).put("secret", SECRET));
      List<Long> versions = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        versions.add(api.commandRaw("{\"type\":\"session.delay\",\"session\":\"" + (i % 2 == 0 ? "keynote-gan-yong"
            : "academic-conference-1") + "\",\"minutes\":1}").bodyAsJsonObject().getLong("version"));
      }
      await("twenty deliveries", () -> receiver.got.size() >= 20);
      LiveClient.sleep(500); // a duplicate would arrive about now
      assertThat(receiver.got).extracting(j -> j.getLong("version")).containsExactlyElementsOf(versions);
      assertThat(receiver.badSignatures).isEmpty();

      WebClient web = WebClient.create(vertxA);
      String hook = "/api/events/" + TestNode.SLUG + "/webhooks";
      await("the failing endpoint is paused after 3 failures", () -> "paused".equals(web.get(portA, "localhost", hook)
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).send().await().bodyAsJsonObject()
          .getJsonArray("webhooks").getJsonObject(1).getString("state")));
      assertThat(down.got).hasSize(3).allMatch(j -> j.getLong("version") == 1);
      failing.set(200);
      HttpResponse<Buffer> resumed = web.post(portA, "localhost", hook + "/" + paused.getLong("id") + "/resume")
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_TOKEN).send().await();
      assertThat(resumed.bodyAsJsonObject().getString("state")).isEqualTo("active");
      await("the resumed endpoint catches up", () -> down.delivered().size() == 20);
      assertThat(down.delivered()).extracting(j -> j.getLong("version")).containsExactlyElementsOf(versions);
      web.close();
    } finally {
      b.stop().await();
      vertxB.close().await();
      a.stop().await();
    }
  }
}

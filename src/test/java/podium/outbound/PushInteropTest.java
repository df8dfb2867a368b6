package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.outbound.PushOptions.Urgency;

/**
 * Podium's Web Push against an independent implementation, npm's web-push 3.x and its http_ece
 * (src/test/js/push-interop.js, run under Node): http_ece reads what Podium encrypts, and the
 * stand-in push service reads and checks what web-push sends, as it does Podium's.
 */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class PushInteropTest {

  private static final Path SCRIPT = Path.of("src/test/js/push-interop.js");
  private static final byte[] NOTICE = "{\"kind\":\"session.delayed\",\"title\":\"开幕式 推迟 10 分钟\",\"minutes\":10}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void httpEceReadsWhatPodiumEncrypts() throws Exception {
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = PushSubscription.of("https://push.example.org/1", phone.publicPoint(), phone.auth());
    byte[] largest = new byte[PushEncryption.MAX_PAYLOAD];
    Arrays.fill(largest, (byte) 'x');
    for (byte[] payload : new byte[][] {NOTICE, largest}) {
      byte[] body = PushEncryption.encrypt(payload, to);
      assertThat(decode(node("decrypt", decryptInput(body, phone)).getString("plaintext"))).isEqualTo(payload);
    }
  }

  /** The Node side can fail too: a body meant for another phone does not decrypt. */
  @Test
  void httpEceRefusesABodyForAnotherPhone() {
    BrowserSubscription phone = BrowserSubscription.make();
    byte[] body = PushEncryption.encrypt(NOTICE,
        PushSubscription.of("https://push.example.org/1", phone.publicPoint(), phone.auth()));
    assertThatThrownBy(() -> node("decrypt", decryptInput(body, BrowserSubscription.make())))
        .hasMessageContaining("node decrypt failed");
  }

  @Test
  void theStandInReadsAndChecksWhatWebPushSendsAsItDoesPodiums(Vertx vertx) throws Exception {
    PushServiceStandIn service = PushServiceStandIn.start(vertx).await();
    WebClient web = WebClient.create(vertx, PushClient.options());
    BrowserSubscription phone = BrowserSubscription.make();
    String endpoint = service.subscribe(phone);
    String topic = PushOptions.sessionTopic(1, "opening-ceremony");
    JsonObject sent = node("request", new JsonObject().put("endpoint", endpoint).put("p256dh", phone.p256dh())
        .put("auth", phone.authBase64url()).put("payload", BrowserSubscription.base64url(NOTICE))
        .put("subject", "mailto:ops@example.org").put("ttl", 600).put("urgency", "high").put("topic", topic));
    service.expectKey(sent.getString("publicKey"));

    HttpRequest<Buffer> post = web.postAbs(sent.getString("endpoint"));
    sent.getJsonObject("headers").forEach(h -> {
      if (!h.getKey().equalsIgnoreCase("Content-Length")) {
        post.putHeader(h.getKey(), (String) h.getValue());
      }
    });
    int status = post.sendBuffer(Buffer.buffer(decode(sent.getString("body")))).await().statusCode();

    PushServiceStandIn.Received r = service.received().get(0);
    assertThat(r.problem()).isNull();
    assertThat(status).isEqualTo(201);
    assertThat(r.plaintext()).isEqualTo(NOTICE);
    assertThat(r.vapid().claims().getString("aud")).isEqualTo(service.origin());
    assertThat(r.vapid().claims().getString("sub")).isEqualTo("mailto:ops@example.org");

    // Podium's request to the same phone carries every header web-push's does.
    WebPush podium = new WebPush(VapidKeys.generate(), new PushSettings("mailto:ops@example.org", true));
    PushRequest ours = podium.request(PushSubscription.of(endpoint, phone.publicPoint(), phone.auth()), NOTICE,
        new PushOptions(600, Urgency.HIGH, topic), Instant.now());
    assertThat(lower(ours.headers().keySet())).containsAll(lower(without(sent.getJsonObject("headers").fieldNames())));
    service.expectKey(podium.applicationServerKey());
    assertThat(new PushClient(vertx, web, true).send(ours).await().result()).isEqualTo(PushOutcome.Result.DELIVERED);
    PushServiceStandIn.Received mine = service.received().get(1);
    assertThat(mine.problem()).isNull();
    assertThat(mine.plaintext()).isEqualTo(NOTICE);
    assertThat(headersOf(mine.headers(), "Topic", "Urgency", "TTL", "Content-Encoding"))
        .isEqualTo(headersOf(r.headers(), "Topic", "Urgency", "TTL", "Content-Encoding"));
    web.close();
    service.close().await();
  }

  private static JsonObject decryptInput(byte[] body, BrowserSubscription phone) {
    return new JsonObject().put("body", BrowserSubscription.base64url(body))
        .put("privateKey", BrowserSubscription.base64url(phone.privateScalar())).put("auth", phone.authBase64url());
  }

  /** Runs push-interop.js with one command and its input on stdin; its JSON answer. */
  private static JsonObject node(String command, JsonObject input) throws IOException, InterruptedException {
    if (!Files.isDirectory(Path.of("src/test/js/node_modules/web-push"))) {
      throw new IllegalStateException("web-push is missing: bin/test installs it (or run npm ci in src/test/js)");
    }
    String node = Files.isExecutable(Path.of("/usr/bin/node")) ? "/usr/bin/node" : "node";
    Process p = new ProcessBuilder(node, SCRIPT.toString(), command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().write(input.encode().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("node " + command + " failed: " + new String(err, StandardCharsets.UTF_8));
    }
    return new JsonObject(new String(out, StandardCharsets.UTF_8));
  }

  private static String headersOf(MultiMap headers, String... names) {
    StringBuilder s = new StringBuilder();
    for (String n : names) {
      s.append(n).append('=').append(headers.get(n)).append(';');
    }
    return s.toString();
  }

  private static Set<String> without(Set<String> names) {
    Set<String> rest = new HashSet<>(names);
    rest.removeIf(n -> n.equalsIgnoreCase("Content-Length"));
    return rest;
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> out = new HashSet<>();
    names.forEach(n -> out.add(n.toLowerCase(java.util.Locale.ROOT)));
    return out;
  }

  private static byte[] decode(String base64url) {
    return Base64.getUrlDecoder().decode(base64url);
  }
}

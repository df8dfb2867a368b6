package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A push service for tests (RFC 8030): one endpoint per subscribed phone, on loopback. It checks
 * each request as a push service would (POST, Content-Encoding aes128gcm, TTL, Urgency, Topic, a
 * body of at most 4096 bytes, the VAPID header: VapidCheck) and then reads the payload as the phone
 * would (PhoneDecryption); a request that fails a check is answered 400 and recorded with its
 * problem. Otherwise it answers what it was told for that endpoint (201 unless told), and 404 for
 * an endpoint it does not know.
 */
public final class PushServiceStandIn {

  /** One request as received: plaintext and vapid are null when problem says why. */
  public record Received(String endpoint, MultiMap headers, byte[] plaintext, VapidCheck.Vapid vapid, String problem,
      int answered) { }

  private record Answer(int status, String retryAfter) { }

  private static final Set<String> URGENCIES = Set.of("very-low", "low", "normal", "high");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, BrowserSubscription> phones = new ConcurrentHashMap<>();
  private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer server;
  private volatile String expectedKey;

  private PushServiceStandIn(HttpServer server) {
    this.server = server;
  }

  public static Future<PushServiceStandIn> start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    PushServiceStandIn standIn = new PushServiceStandIn(server);
    return server.requestHandler(standIn::handle).listen(0, "127.0.0.1").map(standIn);
  }

  /** A new endpoint for this phone: http://127.0.0.1:port/push/n. */
  public String subscribe(BrowserSubscription phone) {
    String endpoint = origin() + "/push/" + ids.incrementAndGet();
    phones.put(endpoint, phone);
    return endpoint;
  }

  /** The scheme, host and port the JWT's aud must name. */
  public String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Only requests signed with this application server key (base64url) pass; null: any key. */
  public void expectKey(String applicationServerKey) {
    expectedKey = applicationServerKey;
  }

  /** The next valid request to this endpoint is answered so (retryAfter null: no Retry-After). */
  public void answerNext(String endpoint, int status, String retryAfter) {
    answers.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>()).add(new Answer(status, retryAfter));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    String endpoint = origin() + request.path();
    request.body().onSuccess(body -> {
      BrowserSubscription phone = phones.get(endpoint);
      if (phone == null) {
        answer(request, new Received(endpoint, request.headers(), null, null, "unknown endpoint", 404), null);
        return;
      }
      try {
        checkHeaders(request, body);
        VapidCheck.Vapid vapid = VapidCheck.check(request.getHeader("Authorization"), origin(), Instant.now());
        if (expectedKey != null && !expectedKey.equals(vapid.key())) {
          throw new GeneralSecurityException("signed with another key: " + vapid.key());
        }
        byte[] plaintext = PhoneDecryption.decrypt(body.getBytes(), phone);
        Queue<Answer> queue = answers.get(endpoint);
        Answer a = queue == null || queue.isEmpty() ? new Answer(201, null) : queue.poll();
        answer(request, new Received(endpoint, request.headers(), plaintext, vapid, null, a.status()), a.retryAfter());
      } catch (GeneralSecurityException e) {
        answer(request, new Received(endpoint, request.headers(), null, null, e.getMessage(), 400), null);
      }
    });
  }

  private static void checkHeaders(HttpServerRequest request, Buffer body) throws GeneralSecurityException {
    String ttl = request.getHeader("TTL");
    String urgency = request.getHeader("Urgency");
    String topic = request.getHeader("Topic");
    if (request.method() != HttpMethod.POST) {
      throw new GeneralSecurityException("method " + request.method());
    } else if (!"aes128gcm".equals(request.getHeader("Content-Encoding"))) {
      throw new GeneralSecurityException("Content-Encoding is " + request.getHeader("Content-Encoding"));
    } else if (ttl == null || !ttl.matches("\\d{1,9}")) {
      throw new GeneralSecurityException("TTL is " + ttl);
    } else if (urgency != null && !URGENCIES.contains(urgency)) {
      throw new GeneralSecurityException("Urgency is " + urgency);
    } else if (topic != null && !TOPIC.matcher(topic).matches()) {
      throw new GeneralSecurityException("Topic is " + topic);
    } else if (body.length() > 4096) {
      throw new GeneralSecurityException("the body is " + body.length() + " bytes, over 4096");
    }
  }

  private void answer(HttpServerRequest request, Received r, String retryAfter) {
    received.add(r);
    if (retryAfter != null) {
      request.response().putHeader("Retry-After", retryAfter);
    }
    request.response().setStatusCode(r.answered())
        .end(r.problem() == null ? "" : new JsonObject().put("reason", r.problem()).encode());
  }
}

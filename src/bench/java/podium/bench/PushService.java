package podium.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A push service for the bench (RFC 8030) on loopback, in the coordinator's process: it answers each
 * well-formed push request 201 at once, as a push service that accepted the message would, and
 * counts and times them. Well-formed: a POST to a known endpoint path, Content-Encoding aes128gcm,
 * a TTL, a VAPID Authorization (RFC 8292: "vapid t=…, k=…"), a Topic and a body of at most 4096
 * bytes. It does not decrypt (the tests do: PushDeliveryTest); here it must cost the shared cores
 * little. A message for the same phone and Topic seen twice is counted as a duplicate.
 */
final class PushService {

  /** Every acceptance time (µs, wall clock), in order of arrival; sized for the run's notices. */
  private final long[] arrivals;
  /** Written on the server's one event loop; received is set after each arrival is, for other threads to read. */
  private int next;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  private PushService(HttpServer server, int capacity) {
    this.server = server;
    this.arrivals = new long[capacity];
  }

  static PushService start(Vertx vertx, int port, int capacity) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true));
    PushService service = new PushService(server, capacity);
    server.requestHandler(service::handle).listen(port, "127.0.0.1").await();
    return service;
  }

  /** The endpoint of phone i, as a push service gives it to a browser. */
  String endpoint(int i) {
    return "http://127.0.0.1:" + server.actualPort() + "/push/" + i;
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      String problem = problem(request, body.length());
      if (problem != null) {
        refused.incrementAndGet();
        firstProblem.compareAndSet(null, problem);
        request.response().setStatusCode(400).end(new JsonObject().put("reason", problem).encode());
        return;
      }
      int n = next++;
      if (n < arrivals.length) {
        arrivals[n] = Micros.now();
      }
      received.set(n + 1L);
      if (!seen.add(request.path() + " " + request.getHeader("Topic"))) {
        duplicates.incrementAndGet();
      }
      request.response().setStatusCode(201).putHeader("Location", "/message/" + n).end();
    });
  }

  private static String problem(HttpServerRequest r, int bodyBytes) {
    String auth = r.getHeader("Authorization");
    if (r.method() != HttpMethod.POST || !r.path().startsWith("/push/")) {
      return r.method() + " " + r.path();
    } else if (!"aes128gcm".equals(r.getHeader("Content-Encoding"))) {
      return "Content-Encoding " + r.getHeader("Content-Encoding");
    } else if (r.getHeader("TTL") == null || r.getHeader("Topic") == null) {
      return "no TTL or Topic";
    } else if (auth == null || !auth.startsWith("vapid t=") || !auth.contains("k=")) {
      return "Authorization " + auth;
    } else if (bodyBytes == 0 || bodyBytes > 4096) {
      return "a body of " + bodyBytes + " bytes";
    }
    return null;
  }

  long received() {
    return received.get();
  }

  long refused() {
    return refused.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  String firstProblem() {
    return firstProblem.get();
  }

  /** Acceptance times from index from (inclusive) to to (exclusive), as counted by received(). */
  long[] arrivals(long from, long to) {
    return Arrays.copyOfRange(arrivals, (int) Math.min(from, arrivals.length), (int) Math.min(to, arrivals.length));
  }

  Future<Void> close() {
    return server.close();
  }
}

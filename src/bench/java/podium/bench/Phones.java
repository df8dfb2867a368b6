package podium.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phones that subscribe to Web Push as the attendee page does: each makes what a browser makes on
 * pushManager.subscribe() (a P-256 key pair, a 16-byte auth secret; the private key is dropped, as
 * the bench's push service does not decrypt) and posts it with its starred sessions and language to
 * POST /api/events/{slug}/push. The hub takes 600 a minute from one address, so the phones post
 * from loopback addresses of their own (127.0.1.x), at most PER_ADDRESS from each, as phones on a
 * venue's Wi-Fi behind several addresses would.
 */
final class Phones {

  static final int PER_ADDRESS = 500;
  static final int IN_FLIGHT = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Phones() {
  }

  /** Subscribes phones 0..count-1 (endpoint(i) from the service), half en and half zh; seconds taken. */
  static double subscribe(Vertx vertx, int hubPort, PushService service, int count, List<String> sessions) {
    long t0 = System.nanoTime();
    List<String> bodies = new ArrayList<>(count);
    try {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"));
      for (int i = 0; i < count; i++) {
        byte[] auth = new byte[16];
        RANDOM.nextBytes(auth);
        JsonObject keys = new JsonObject().put("p256dh", base64url(point((ECPublicKey) ec.generateKeyPair().getPublic())))
            .put("auth", base64url(auth));
        bodies.add(new JsonObject().put("subscription", new JsonObject().put("endpoint", service.endpoint(i))
                .putNull("expirationTime").put("keys", keys))
            .put("sessions", new JsonArray(sessions)).put("lang", i % 2 == 0 ? "en" : "zh").encode());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    List<HttpClient> clients = new ArrayList<>();
    for (int a = 0; a * PER_ADDRESS < count; a++) {
      clients.add(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setLocalAddress("127.0.1." + (a + 1))
          .setDefaultHost("127.0.0.1").setDefaultPort(hubPort), new PoolOptions().setHttp1MaxSize(4)));
    }
    AtomicInteger nextPhone = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    Promise<Void> all = Promise.promise();
    String path = "/api/events/" + "baotou-2023" + "/push";
    Runnable[] post = new Runnable[1];
    post[0] = () -> {
      int i = nextPhone.getAndIncrement();
      if (i >= count || failure.get() != null) {
        return;
      }
      clients.get(i / PER_ADDRESS).request(HttpMethod.POST, path)
          .compose(req -> req.putHeader("Content-Type", "application/json").send(Buffer.buffer(bodies.get(i)))
              .compose(res -> res.body().map(b -> res.statusCode() == 204 ? null : res.statusCode() + " " + b)))
          .onComplete(r -> {
            String problem = r.failed() ? r.cause().toString() : r.result();
            if (problem != null && failure.compareAndSet(null, "phone " + i + ": " + problem)) {
              all.tryFail(failure.get());
            }
            if (done.incrementAndGet() == count) {
              all.tryComplete();
            }
            post[0].run();
          });
    };
    vertx.runOnContext(v -> {
      for (int k = 0; k < IN_FLIGHT; k++) {
        post[0].run();
      }
    });
    Future<Void> finished = all.future().eventually(() -> Future.join(clients.stream().map(HttpClient::close).toList()));
    finished.await();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** 0x04, x, y: the uncompressed point a browser gives as keys.p256dh (65 bytes). */
  private static byte[] point(ECPublicKey key) {
    byte[] p = new byte[65];
    p[0] = 4;
    put(key.getW().getAffineX(), p, 1);
    put(key.getW().getAffineY(), p, 33);
    return p;
  }

  private static void put(BigInteger n, byte[] into, int at) {
    byte[] b = n.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, into, at + 32 - len, len);
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

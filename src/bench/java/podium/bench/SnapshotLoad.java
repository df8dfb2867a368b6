package podium.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keep-alive GETs of one path (the event snapshot, an export) from a fixed number of connections,
 * for a fixed time. Asks for no encoding (the client decompresses nothing), or for gzip, and counts
 * the body bytes as they came.
 */
final class SnapshotLoad {

  private SnapshotLoad() {
  }

  static Future<JsonObject> run(Vertx vertx, int port, String path, int connections, long millis) {
    return run(vertx, port, path, false, connections, millis);
  }

  /** gzip: send Accept-Encoding: gzip (the body is then counted as it came, compressed). */
  static Future<JsonObject> run(Vertx vertx, int port, String path, boolean gzip, int connections, long millis) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setLocalAddress("127.0.0.1")
        .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections));
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + millis * 1_000_000L;
    Promise<JsonObject> done = Promise.promise();
    AtomicLong running = new AtomicLong(connections);
    for (int i = 0; i < connections; i++) {
      next(http, path, gzip, deadline, ok, failed, bytes, () -> {
        if (running.decrementAndGet() == 0) {
          double seconds = (System.nanoTime() - start) / 1e9;
          http.close();
          done.complete(new JsonObject().put("requests", ok.get()).put("errors", failed.get())
              .put("seconds", seconds).put("rps", ok.get() / seconds)
              .put("body_bytes", ok.get() == 0 ? 0 : bytes.get() / ok.get()));
        }
      });
    }
    return done.future();
  }

  /** One worker: the next request goes out as soon as the last body has arrived, until the deadline. */
  private static void next(HttpClient http, String path, boolean gzip, long deadline, AtomicLong ok,
      AtomicLong failed, AtomicLong bytes, Runnable finished) {
    if (System.nanoTime() >= deadline) {
      finished.run();
      return;
    }
    http.request(HttpMethod.GET, path)
        .compose(req -> {
          if (gzip) {
            req.putHeader("Accept-Encoding", "gzip");
          }
          return req.send().compose(res -> res.body().map(b -> res.statusCode() == 200 ? b.length() : -1));
        })
        .onComplete(r -> {
          if (r.succeeded() && r.result() >= 0) {
            ok.incrementAndGet();
            bytes.addAndGet(r.result());
          } else {
            failed.incrementAndGet();
          }
          next(http, path, gzip, deadline, ok, failed, bytes, finished);
        });
  }
}
